/**
 * The browser's notifications of conversations that come into the open queue asking for a
 * person: off until the agent switches them on (the browser asks its permission then), and
 * remembered in this browser's localStorage.
 */
import { useState } from 'react';
import type { Conversation } from '@/lib/conversation/conversation-model';
import { messages } from '@/lib/messages';
import { triageMessages } from './triage-messages';

export const NOTIFY_KEY = 'triage-notifications';
/** At most this many at once; past it, the last one counts the rest. */
const MAX_AT_ONCE = 3;

/** `dismissed`: the agent closed the browser's question without an answer. */
export type NotifyState = 'unsupported' | 'off' | 'on' | 'denied' | 'dismissed';

const isSupported = () => typeof window !== 'undefined' && 'Notification' in window;

function wanted(): boolean {
  try {
    return localStorage.getItem(NOTIFY_KEY) === 'on';
  } catch {
    return false; // storage refused (a private window): nothing was remembered
  }
}

function remember(on: boolean) {
  try {
    if (on) localStorage.setItem(NOTIFY_KEY, 'on');
    else localStorage.removeItem(NOTIFY_KEY);
  } catch {
    // storage refused: on for this page only
  }
}

function stateNow(): NotifyState {
  if (!isSupported()) return 'unsupported';
  if (!wanted()) return 'off';
  // Switched on here once, and blocked in the browser's settings since: say so.
  if (Notification.permission === 'denied') return 'denied';
  return Notification.permission === 'granted' ? 'on' : 'off';
}

/** The switch's state, and turning it on (asking the browser's permission) or off. */
export function useNotifySetting() {
  const [state, setState] = useState<NotifyState>(stateNow);
  const switchOn = async () => {
    const permission =
      Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
    remember(permission === 'granted');
    setState(permission === 'granted' ? 'on' : permission === 'denied' ? 'denied' : 'dismissed');
  };
  const switchOff = () => {
    remember(false);
    setState('off');
  };
  return { state, toggle: () => (state === 'on' ? switchOff() : void switchOn()) };
}

/** What a notification names: the conversation's title, else its contact's name; nothing more. */
const nameOf = (conversation: Conversation) =>
  conversation.title ??
  conversation.contacts.items.find((contact) => contact.name)?.name ??
  messages.conversation.untitled;

/**
 * Tells the agent, if they switched it on, of the newcomers that ask for a person, unless they
 * are looking at the list already. A click brings the tab forward and opens the conversation.
 */
export function notifyNewcomers(newcomers: Conversation[], open: (id: string) => void) {
  if (stateNow() !== 'on') return;
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  const asking = newcomers.filter((conversation) => conversation.status === 'HUMAN_REQUESTED');
  const t = triageMessages().notify;
  const named = asking.length > MAX_AT_ONCE ? asking.slice(0, MAX_AT_ONCE - 1) : asking;
  for (const conversation of named) {
    const notification = new Notification(t.title, {
      body: nameOf(conversation),
      tag: `triage:${conversation.id}`,
    });
    notification.onclick = () => {
      window.focus();
      open(conversation.id);
      notification.close();
    };
  }
  if (named.length < asking.length) {
    const rest = new Notification(t.title, {
      body: t.more(asking.length - named.length),
      tag: 'triage:more',
    });
    rest.onclick = () => {
      window.focus();
      rest.close();
    };
  }
}
