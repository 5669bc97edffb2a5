import type { Chat, User } from 'grammy/types';
import type { FakeState } from './state.js';

export interface UserOptions {
  readonly id?: number;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly username?: string;
  /** 'ar' by default: Tanbih's readers are Arabic speakers. */
  readonly languageCode?: 'ar' | 'en' | (string & {});
}

export interface GroupOptions {
  readonly id?: number;
  readonly title?: string;
  readonly username?: string;
}

/**
 * Builds users and chats with realistic ids (users from 10000001, groups -400000001…,
 * supergroups -1001000000001…, channels -1002000000001…) and registers them with the fake.
 */
export class Directory {
  private nextUser = 10_000_001;
  private nextGroup = 400_000_001;
  private nextSupergroup = 1_001_000_000_001;
  private nextChannel = 1_002_000_000_001;

  private readonly state: FakeState;

  constructor(state: FakeState) {
    this.state = state;
  }

  user(o: UserOptions = {}): User {
    const id = o.id ?? this.nextUser++;
    return this.state.addUser({
      id, is_bot: false, first_name: o.firstName ?? 'مستخدم', ...(o.lastName ? { last_name: o.lastName } : {}),
      ...(o.username ? { username: o.username } : {}), language_code: o.languageCode ?? 'ar',
    });
  }

  privateChat(user: User): Chat.PrivateChat {
    const chat: Chat.PrivateChat = {
      id: user.id, type: 'private', first_name: user.first_name,
      ...(user.last_name ? { last_name: user.last_name } : {}), ...(user.username ? { username: user.username } : {}),
    };
    this.state.addUser(user);
    return this.state.addChat(chat).chat as Chat.PrivateChat;
  }

  group(o: GroupOptions = {}): Chat.GroupChat {
    const chat: Chat.GroupChat = { id: o.id ?? -this.nextGroup++, type: 'group', title: o.title ?? 'مجموعة الأخبار' };
    return this.state.addChat(chat).chat as Chat.GroupChat;
  }

  supergroup(o: GroupOptions = {}): Chat.SupergroupChat {
    const chat: Chat.SupergroupChat = {
      id: o.id ?? -this.nextSupergroup++, type: 'supergroup', title: o.title ?? 'نقاش الأخبار',
      ...(o.username ? { username: o.username } : {}),
    };
    return this.state.addChat(chat).chat as Chat.SupergroupChat;
  }

  channel(o: GroupOptions = {}): Chat.ChannelChat {
    const chat: Chat.ChannelChat = {
      id: o.id ?? -this.nextChannel++, type: 'channel', title: o.title ?? 'قناة تنبيه',
      ...(o.username ? { username: o.username } : {}),
    };
    return this.state.addChat(chat).chat as Chat.ChannelChat;
  }
}
