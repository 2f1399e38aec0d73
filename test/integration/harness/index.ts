export { binaryItem, useBinaryMode, type BinaryMode } from './binaryData';
export { runClovaNode, NODE_NAME, type RunOptions, type RunResult } from './engine';
export { sampleFile, type SampleKind } from './sampleFiles';
export { testCredential } from './credentialTest';
export { emulatorPerSuite } from './emulatorPerSuite';
