import type { ComponentType, ComponentProps } from 'react';
import {
  BagIcon,
  CameraIcon,
  CodeIcon,
  GlobeIcon,
  LayoutIcon,
  MailIcon,
  MessageIcon,
  PhoneIcon,
  SendIcon,
  UsersIcon,
} from '@/components/ui/icons';
import { messages } from '@/lib/messages';

type Icon = ComponentType<ComponentProps<'svg'>>;

/** The channels Chatvolt documents, by their icons; others show their raw name. */
const channelIcons: Record<string, Icon> = {
  whatsapp: PhoneIcon,
  zapi: PhoneIcon,
  instagram: CameraIcon,
  instagramDm: CameraIcon,
  website: GlobeIcon,
  chatbox: MessageIcon,
  dashboard: LayoutIcon,
  telegram: SendIcon,
  mercadolivre: BagIcon,
  mercadolivreDm: BagIcon,
  email: MailIcon,
  mail: MailIcon,
  api: CodeIcon,
  internal_chats: UsersIcon,
};

// Own keys only: a channel named "constructor" is a name, not Object's.
const isKnown = (channel: string) => Object.hasOwn(channelIcons, channel);

/** The channels we can name, for the list's channel filter. */
export const knownChannels = Object.keys(channelIcons).filter((channel) => channel !== 'mail');

export function channelName(channel: string | null): string {
  if (!channel) return messages.conversation.unknownChannel;
  return isKnown(channel) ? messages.channels[channel as keyof typeof messages.channels] : channel;
}

export function ChannelLabel({ channel }: { channel: string | null }) {
  const Icon =
    channel && Object.hasOwn(channelIcons, channel) ? channelIcons[channel]! : MessageIcon;
  return (
    <span className="inline-flex items-center gap-1.5">
      <Icon className="size-4 text-muted" />
      <span className="sr-only">{messages.conversation.channel}: </span>
      {channelName(channel)}
    </span>
  );
}
