import { describeOutage } from '../helpers/outage.js';

// The database frozen for 20 s (SIGSTOP, as a stalled primary or an election), then killed and
// started again on the same port and data, while the bot long-polls Telegram and VK. See
// test/helpers/outage.ts for what is checked.

describeOutage('a database outage under long polling on Telegram and VK', 'longpoll', {});
