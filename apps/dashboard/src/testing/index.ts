export { type DemoFixture, demoFixture, type FixtureSchool } from "./demo-fixture.js";
export { demoAccounts, demoPassword, demoUsers, fastScryptParams } from "./demo-users.js";
export { FakeResultsService } from "./fake-results-service.js";
export { type BarDatum, barChart } from "./simple-charts.js";
