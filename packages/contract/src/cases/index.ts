// Every case of both areas, in the order the runner runs them.
import type { Area } from '@scrub/spec';
import type { Case } from '../model.js';
import { idcheckCases } from './idcheck.js';
import { textAssessmentCases } from './text-assessment.js';

export const cases: Record<Area, Case[]> = {
  idcheck: idcheckCases,
  'text-assessment': textAssessmentCases,
};
