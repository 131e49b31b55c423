// What partialDelete loads on first use: the field rules and the spec's name lists, in one chunk.
export { checkFieldList } from './rules/field-list.js';
export { dataFieldValues, submissionFieldValues } from './generated/idcheck.js';
