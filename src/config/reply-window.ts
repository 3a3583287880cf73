/**
 * The reply window of the API's contract (shared/api/README.md, "Sending a message"): on these
 * channels the platform lets a business answer only within 24 hours of the customer's last
 * message, and refuses later sends with 406.
 */
export const replyWindowChannels: readonly string[] = ['whatsapp', 'instagramDm', 'instagram'];

export const REPLY_WINDOW_HOURS = 24;
