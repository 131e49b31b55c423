import { projectionsSuite } from './projections.js';

projectionsSuite('b');
