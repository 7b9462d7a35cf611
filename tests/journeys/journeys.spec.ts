/**
 * The user journeys (journeys.ts) in the `web` and `desktop` projects; the project's `edition`
 * option picks the driver. tests/electron/app.spec.ts runs the same list against the real binary.
 */
import { menuCommands } from '../../shared/platform/desk-api';
import { expect, test } from './fixture';
import { commandJourneyList, commandJourneys, journeys } from './journeys';

test.use({ locale: 'zh-CN' });

test.describe('journeys', () => {
  for (const journey of journeys) {
    test(journey.name, async ({ driver }) => {
      await journey.run(driver);
      expect(driver.problems).toEqual([]);
    });
  }
});

test.describe('every menu command has a journey', () => {
  test('the table of effects covers exactly the commands the menu can send', () => {
    expect(Object.keys(commandJourneys).sort()).toEqual([...menuCommands].sort());
  });

  for (const { command, journey } of commandJourneyList) {
    test(`menu command ${command}`, async ({ driver }) => {
      await driver.start();
      await journey.prepare?.(driver);
      await journey.run(driver);
      expect(driver.problems).toEqual([]);
    });
  }
});
