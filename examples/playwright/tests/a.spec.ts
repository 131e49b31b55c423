import { projectionsSuite } from './projections.js';

projectionsSuite('a');
