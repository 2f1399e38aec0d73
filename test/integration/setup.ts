import { shutdownEngine } from './harness/shutdown';

afterAll(shutdownEngine);
