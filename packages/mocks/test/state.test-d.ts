// A state's slices are typed by the areas registered with it: no casts between the core and an area.
import { describe, expectTypeOf, it } from 'vitest';
import { createMockState, type Fixture, type IdCheckState, type TextAssessmentState } from '../src/index.js';

const state = createMockState();

describe('state slices', () => {
  it('each area key names its slice, on the state and in `slices`', () => {
    expectTypeOf(state.idcheck).toEqualTypeOf<IdCheckState>();
    expectTypeOf(state.textAssessment).toEqualTypeOf<TextAssessmentState>();
    expectTypeOf(state.slices.idcheck).toEqualTypeOf<IdCheckState>();
    expectTypeOf(state.slices.textAssessment).toEqualTypeOf<TextAssessmentState>();
    // @ts-expect-error no area registers this key
    void state.slices.billing;
  });

  it('toFixture is the fixture JSON of every area', () => {
    expectTypeOf(state.toFixture().idcheck).toEqualTypeOf<Fixture['idcheck']>();
    expectTypeOf(state.toFixture().textAssessment).toEqualTypeOf<Fixture['textAssessment']>();
  });
});
