import { describe, expect, it } from 'vitest';
import { chartSourceLine } from './source-line';

describe('chart source line', () => {
  it('cites the article and names the scenario in Chinese', () => {
    expect(chartSourceLine('zh', { scenarioNames: ['软件营收 15%'] })).toBe('来源：重庆日报 2024年2月；预测：Scenario Desk 情景「软件营收 15%」');
  });
  it('states trials and seed for uncertainty charts, in English', () => {
    expect(chartSourceLine('en', { scenarioNames: ['A', 'B'], monteCarlo: { trials: 10000, seed: 42 } })).toBe(
      'Source: Chongqing Daily, February 2024; projection: Scenario Desk scenarios “A”, “B”; Monte Carlo 10,000 trials, seed 42',
    );
  });
});
