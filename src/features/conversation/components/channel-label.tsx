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

/** The channels Chatvolt documents; others are shown by their raw name. */
const channels: Record<string, { name: string; Icon: Icon }> = {
  whatsapp: { name: 'WhatsApp', Icon: PhoneIcon },
  zapi: { name: 'WhatsApp (Z-API)', Icon: PhoneIcon },
  instagram: { name: 'Instagram', Icon: CameraIcon },
  instagramDm: { name: 'Instagram Direct', Icon: CameraIcon },
  website: { name: 'Website widget', Icon: GlobeIcon },
  chatbox: { name: 'Chat box', Icon: MessageIcon },
  dashboard: { name: 'Dashboard', Icon: LayoutIcon },
  telegram: { name: 'Telegram', Icon: SendIcon },
  mercadolivre: { name: 'Mercado Livre', Icon: BagIcon },
  mercadolivreDm: { name: 'Mercado Livre messages', Icon: BagIcon },
  email: { name: 'E-mail', Icon: MailIcon },
  mail: { name: 'E-mail', Icon: MailIcon },
  api: { name: 'API', Icon: CodeIcon },
  internal_chats: { name: 'Internal chat', Icon: UsersIcon },
};

/** The channels we can name, for the list's channel filter. */
export const knownChannels = Object.keys(channels).filter((channel) => channel !== 'mail');

export function channelName(channel: string | null): string {
  if (!channel) return messages.conversation.unknownChannel;
  return channels[channel]?.name ?? channel;
}

export function ChannelLabel({ channel }: { channel: string | null }) {
  const Icon = (channel && channels[channel]?.Icon) || MessageIcon;
  return (
    <span className="inline-flex items-center gap-1.5">
      <Icon className="size-4 text-muted" />
      <span className="sr-only">{messages.conversation.channel}: </span>
      {channelName(channel)}
    </span>
  );
}
