#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring,
# e.g. `scripts/with-keyring.sh npx vitest run test/core/secrets` while developing.
set -euo pipefail
data_home=$(mktemp -d)
trap 'rm -rf "$data_home"' EXIT
XDG_DATA_HOME="$data_home" SOW_KEYRING_SESSION=1 dbus-run-session -- sh -c 'echo -n ci-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' sh "$@" 2> >(grep -v -E "fd limit|SystemPrompter|gcr-prompter|cannot open display" >&2)
