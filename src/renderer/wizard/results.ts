// The outcomes the wizard keeps per step, as the contract defines them.
export type { TokenResult, VerifyResult } from '../../shared/ipc-contract';
