export { type DemoFixture, demoFixture, type FixtureSchool } from "./demo-fixture.js";
export { type DemoResults, demoResults } from "./demo-results.js";
export { demoAccounts, demoPassword, demoUsers, fastScryptParams } from "./demo-users.js";
