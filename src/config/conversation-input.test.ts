import { describe, expect, it } from 'vitest';
import { readConversationInput } from './conversation-input';

describe('readConversationInput', () => {
  it.each([
    ['a bare id', 'conv_abc123', 'conv_abc123'],
    ['a bare id with whitespace around it', '  conv_abc123 \n\t', 'conv_abc123'],
    ['a cuid', 'clx9a2b3c0000qwerty12345', 'clx9a2b3c0000qwerty12345'],
    ['a bare id, not decoded', '50%25off', '50%25off'],
    ['a viewer link', 'https://viewer.example.com/conversations/conv_abc123', 'conv_abc123'],
    [
      'a viewer link with query and hash',
      'https://viewer.example.com/conversations/conv_abc123?tab=crm#tags',
      'conv_abc123',
    ],
    ['a relative viewer link', '/conversations/conv_abc123', 'conv_abc123'],
    ['a relative link with query and hash', '/conversations/conv_abc123?x=1#top', 'conv_abc123'],
    ['a relative link without its leading slash', 'conversations/conv_abc123', 'conv_abc123'],
    ['a link with a trailing slash', 'http://localhost:5173/conversations/conv_1/', 'conv_1'],
    ['an encoded id in a link', '/conversations/a%2Fb%20%C3%BC', 'a/b ü'],
    ['a badly encoded id in a link, as written', '/conversations/50%off', '50%off'],
    [
      'a dashboard link ending in the id',
      'https://app.chatvolt.ai/agents/clagent01/conversations/clconv02',
      'clconv02',
    ],
    [
      'a dashboard link with the id in a sub-page',
      'https://app.chatvolt.ai/agents/clagent01/conversations/clconv02/messages?page=2',
      'clconv02',
    ],
    [
      'a dashboard link with ?conversationId=',
      'https://app.chatvolt.ai/logs?tab=all&conversationId=clconv03&x=y',
      'clconv03',
    ],
    ['an encoded query id', 'https://app.chatvolt.ai/logs?conversationId=a%20b', 'a b'],
    ['?conversation_id=', 'https://app.chatvolt.ai/inbox?conversation_id=clconv04', 'clconv04'],
    ['a hash route', 'https://app.chatvolt.ai/#/conversations/clconv05', 'clconv05'],
    ['an API link', 'https://api.chatvolt.ai/conversation/clconv06', 'clconv06'],
    ['a link without its scheme', 'app.chatvolt.ai/agents/a1/conversations/clconv07', 'clconv07'],
    ['upper-case path and scheme', 'HTTPS://APP.CHATVOLT.AI/Conversations/Conv_8', 'Conv_8'],
    [
      'text around a link',
      'Hi, can you check https://app.chatvolt.ai/agents/a1/conversations/clconv09. Thanks!',
      'clconv09',
    ],
    ['a link in angle brackets', '<https://viewer.example.com/conversations/conv_x>', 'conv_x'],
    ['a link in parentheses', '(see /conversations/conv_y)', 'conv_y'],
    ['a markdown link', '[ticket](https://viewer.example.com/conversations/conv_md)', 'conv_md'],
    [
      'the first link that names a conversation',
      'docs https://chatvolt.ai/help then https://app.chatvolt.ai/x?conversationId=clconv10',
      'clconv10',
    ],
    [
      'the query id over other path segments',
      'https://app.chatvolt.ai/conversations?conversationId=clconv11',
      'clconv11',
    ],
  ])('reads %s', (_, input, id) => {
    expect(readConversationInput(input)).toEqual({ id });
  });

  it.each([
    ['nothing', '', 'empty'],
    ['only whitespace', ' \n\t ', 'empty'],
    ['a link to something else', 'https://chatvolt.ai/pricing', 'no-id-in-link'],
    [
      'the triage list',
      'https://viewer.example.com/conversations?status=RESOLVED',
      'no-id-in-link',
    ],
    [
      'a dashboard link with an empty id',
      'https://app.chatvolt.ai/x?conversationId=',
      'no-id-in-link',
    ],
    ['a path without an id', 'example.com/about', 'no-id-in-link'],
    ['words without a link', 'the customer from yesterday', 'not-an-id'],
    ['an id that is too long', 'x'.repeat(257), 'too-long'],
    ['a linked id that is too long', `/conversations/${'x'.repeat(300)}`, 'too-long'],
    ['a control character in a linked id', '/conversations/conv%0A1', 'control-characters'],
    ['a control character in a bare id', 'conv\u00001', 'control-characters'],
  ])('says what is wrong with %s', (_, input, problem) => {
    expect(readConversationInput(input)).toEqual({ problem });
  });
});
