import type { Api } from 'grammy';
import type { Membership } from '../../handlers/ports.js';
import type { Logger } from '../logger.js';

const MEMBER = new Set(['creator', 'administrator', 'member']);

/** "Voters must be members of this channel", checked with getChatMember (the bot must be an admin). */
export function telegramMembership(api: Api, channel: string, log: Logger): Membership {
  return {
    channel,
    async isMember(user) {
      try {
        const member = await api.getChatMember(channel, Number(user.id));
        return MEMBER.has(member.status) || (member.status === 'restricted' && member.is_member);
      } catch (error) {
        // A misconfigured channel must not silently stop the whole country from voting.
        log.error({ err: error, channel }, 'getChatMember failed; letting the vote through');
        return true;
      }
    },
  };
}
