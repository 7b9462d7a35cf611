/**
 * The fused Monte Carlo kernels step the xoshiro128** generator and the ziggurat in local variables, copied
 * from prng.ts for speed. This test is what keeps the copies honest: each kernel's output, 10⁶ draws, is
 * recomputed here with Xoshiro128.nextNormal() and the model's update rule, and must agree bit for bit.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioSpec } from './models';
import { CHUNK_TRIALS, createMonteCarloRun } from './montecarlo';
import { Xoshiro128 } from './prng';

const TRIALS = 100_000;
const YEARS = 10;
const SEED = 20240217;
const MEAN = 15;
const SD = 4;

type Step = (value: number, normal: number, year: number) => number;

/** Growth factor as the app defines it: 1 + rate/100, never below 0 (a fall of more than 100% empties the value). */
function factor(ratePercent: number): number {
  const growthFactor = 1 + ratePercent / 100;
  return growthFactor < 0 ? 0 : growthFactor;
}

const RATES = [12, 9.5, 7];
const CEILING = 40_000;

const KERNELS: ReadonlyArray<{ name: string; scenario: ScenarioSpec; step: Step }> = [
  {
    name: 'cagr',
    scenario: { model: 'cagr', params: { growthRatePercent: MEAN }, base: { year: 2023, value: 7565 }, horizonYear: 2023 + YEARS },
    step: (value, normal) => value * factor(MEAN + SD * normal),
  },
  {
    name: 'ratePath',
    scenario: { model: 'ratePath', params: { ratesPercent: RATES }, base: { year: 2023, value: 2380 }, horizonYear: 2023 + YEARS },
    // The path's own rate for the year plus the shift drawn around 0 (the last rate continues).
    step: (value, normal, year) => value * factor((RATES[Math.min(year - 1, RATES.length - 1)] as number) + (0 + SD * normal)),
  },
  {
    name: 'linear',
    scenario: { model: 'linear', params: { incrementPerYear: 500 }, base: { year: 2023, value: 7565 }, horizonYear: 2023 + YEARS },
    step: (value, normal) => value + (500 + SD * 10 * normal),
  },
  {
    name: 'logistic',
    scenario: { model: 'logistic', params: { growthRatePercent: MEAN, ceiling: CEILING }, base: { year: 2023, value: 7565 }, horizonYear: 2023 + YEARS },
    step: (value, normal) => {
      const grown = value * factor(MEAN + SD * normal);
      const next = (CEILING * grown) / (grown + CEILING - value);
      return next >= 0 ? next : 0;
    },
  },
];

function uncertaintyOf(scenario: ScenarioSpec) {
  const growth =
    scenario.model === 'ratePath'
      ? { rateShiftPercent: { kind: 'normal' as const, mean: 0, sd: SD } }
      : scenario.model === 'linear'
        ? { incrementPerYear: { kind: 'normal' as const, mean: 500, sd: SD * 10 } }
        : { growthRatePercent: { kind: 'normal' as const, mean: MEAN, sd: SD } };
  return { distributions: growth, shockMode: 'perYear' as const, trials: TRIALS, seed: SEED };
}

describe('the fused Monte Carlo kernels draw exactly what prng.ts draws', () => {
  for (const { name, scenario, step } of KERNELS) {
    it(`${name}: 100,000 trials × 10 years (10⁶ normal draws) equal nextNormal() bit for bit`, () => {
      const run = createMonteCarloRun({ scenario, uncertainty: uncertaintyOf(scenario), computePercentiles: false, keepTrialValues: true });
      while (!run.step(64)) {
        // every chunk
      }
      const kernel = run.finish().trialValues as Float64Array;

      // Reference: one generator per chunk of CHUNK_TRIALS trials; within a chunk, trial by trial, years in order.
      const reference = new Float64Array(TRIALS * (YEARS + 1));
      for (let first = 0; first < TRIALS; first += CHUNK_TRIALS) {
        const rng = new Xoshiro128(SEED, first / CHUNK_TRIALS);
        for (let trial = first; trial < Math.min(first + CHUNK_TRIALS, TRIALS); trial++) {
          let value = scenario.base.value;
          reference[trial] = value;
          for (let year = 1; year <= YEARS; year++) {
            value = step(value, rng.nextNormal(), year);
            reference[year * TRIALS + trial] = value;
          }
        }
      }
      // Compared as bytes so that −0/+0 and every last bit count; the first difference is reported by index.
      const kernelBits = new BigUint64Array(kernel.buffer, kernel.byteOffset, kernel.length);
      const referenceBits = new BigUint64Array(reference.buffer);
      let firstDifference = -1;
      for (let i = 0; i < referenceBits.length; i++) {
        if (kernelBits[i] !== referenceBits[i]) {
          firstDifference = i;
          break;
        }
      }
      expect(
        firstDifference,
        firstDifference < 0
          ? ''
          : `year ${Math.floor(firstDifference / TRIALS)}, trial ${firstDifference % TRIALS}: ${kernel[firstDifference]} vs ${reference[firstDifference]}`,
      ).toBe(-1);
    });
  }
});
