export { seedDemoWorld } from './demo-world';
export { DEMO_PASSWORD, DEMO_USERS } from './tenant-and-people';
