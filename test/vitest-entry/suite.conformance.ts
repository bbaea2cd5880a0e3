import { describeConformance } from 'llm-conformance/vitest';

// Target and options from the environment, under the CLI's names (LLM_CONFORMANCE_BASE_URL, …);
// none: the embedded reference mock.
describeConformance();
