import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerList } from '@/mocks/list-endpoint';
import { holdListPages } from '@/testing/hold-list-pages';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/server';
import { OPEN_QUEUE_REFRESH_MS } from '@/config/list-query';
import { LOADED_PAGES_REFRESH_MS } from '../api/list-query';
import { NOTIFY_KEY } from '../notifications';
import { SEEN_AFTER_MS } from './triage-list';

type Wire = Record<string, unknown>;

/** A conversation as the list answers it; the open queue orders them status, priority, frustration. */
const conversation = (id: string, title: string, status: string, fields: Wire = {}): Wire => ({
  id,
  title,
  status,
  priority: 'MEDIUM',
  channel: 'whatsapp',
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-24T10:00:00.000Z',
  ...fields,
});
const ana = conversation('conv_ana', 'Ana asks for a refund', 'HUMAN_REQUESTED', {
  priority: 'HIGH',
});
const bruno = conversation('conv_bruno', 'Bruno cannot sign in', 'HUMAN_REQUESTED');
const carla = conversation('conv_carla', 'Carla changes her address', 'UNRESOLVED');
const davi = conversation('conv_davi', 'Davi asks about delivery', 'UNRESOLVED', {
  priority: 'LOW',
});
/** Comes in later, asking for a person, first in the queue. */
const elisa = conversation('conv_elisa', 'Elisa paid twice', 'HUMAN_REQUESTED', {
  priority: 'HIGH',
  frustration: 0.9,
  createdAt: '2026-11-25T09:59:00.000Z',
  participantsContacts: [{ firstName: 'Elisa', phoneNumber: '5511977776666' }],
});

/** The index-th of many asking for a person, each created a minute after the one before. */
const asking = (index: number) =>
  conversation(`conv_h${index}`, `Asking ${index}`, 'HUMAN_REQUESTED', {
    createdAt: new Date(Date.parse('2026-11-20T10:00:00.000Z') + index * 60_000).toISOString(),
  });

/** What the API holds now: tests change it between refreshes. */
let queue: Wire[] = [];
/** Each list request and when it came (the fake clock). */
let asked: { at: number; params: URLSearchParams }[] = [];

/** 10:00:03 on the fake clock: the next multiple of 10 s is 7 s away. */
const START = Date.parse('2026-11-25T10:00:03.000Z');

beforeEach(() => {
  vi.useFakeTimers({ now: START, shouldAdvanceTime: true });
  queue = [ana, bruno, carla, davi];
  asked = [];
  server.use(
    http.get('/api/conversation', ({ request }) => {
      const params = new URL(request.url).searchParams;
      asked.push({ at: Date.now(), params });
      const { status, body } = answerList(queue, params);
      return HttpResponse.json(body, { status });
    }),
    http.get('/api/conversation/:id', ({ params }) => {
      const found = queue.find((item) => item.id === params.id);
      return found
        ? HttpResponse.json(found)
        : HttpResponse.json({ error: 'NOT FOUND' }, { status: 404 });
    }),
  );
});
afterEach(() => {
  Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const rows = () =>
  within(screen.getByRole('list', { name: 'Conversations' })).getAllByRole('listitem');
const rowLink = (title: string) =>
  within(screen.getByRole('list', { name: 'Conversations' })).getByRole('link', {
    name: new RegExp(title),
  });
/** Moves the fake clock on, letting the refreshes it starts run. */
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
/** To the next multiple of the open queue's period, and the refresh made there. */
const nextRefresh = () => wait(OPEN_QUEUE_REFRESH_MS - (Date.now() % OPEN_QUEUE_REFRESH_MS));

/**
 * The window scrolls as in a browser (jsdom lays nothing out): the page is long, the list starts
 * 300 px down it, under the header and the filters, and a scroll moves scrollY and is heard.
 */
function scrollableWindow() {
  vi.spyOn(HTMLElement.prototype, 'offsetTop', 'get').mockReturnValue(300);
  vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockReturnValue(100_000);
  return vi.spyOn(window, 'scrollTo').mockImplementation((options?: ScrollToOptions | number) => {
    const top = typeof options === 'number' ? 0 : (options?.top ?? 0);
    Object.defineProperty(window, 'scrollY', { value: top, configurable: true });
    window.dispatchEvent(new Event('scroll'));
  });
}

/** The tab goes to the background (another tab in front). */
function hideTab() {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
  vi.spyOn(document, 'hasFocus').mockReturnValue(false);
  document.dispatchEvent(new Event('visibilitychange'));
}

/** The browser's notifications, answering the permission request with `answer`. */
function stubNotifications(answer: NotificationPermission, permission: NotificationPermission) {
  const shown: { title: string; options?: NotificationOptions; onclick: (() => void) | null }[] =
    [];
  class FakeNotification {
    static permission = permission;
    static requestPermission = vi.fn(() => {
      FakeNotification.permission = answer;
      return Promise.resolve(answer);
    });
    onclick: (() => void) | null = null;
    close = vi.fn();
    constructor(
      public title: string,
      public options?: NotificationOptions,
    ) {
      shown.push(this);
    }
  }
  vi.stubGlobal('Notification', FakeNotification);
  return { shown, requestPermission: FakeNotification.requestPermission };
}

describe('the live triage list', () => {
  it('asks again at each multiple of 10 s: a newcomer comes in marked New, a resolved one leaves', async () => {
    scrollableWindow();
    renderApp('/conversations');
    expect(await screen.findByText('4 conversations')).toBeVisible();
    const firstWalk = asked.length;

    queue = [elisa, ana, bruno, davi]; // Elisa came in; Carla was resolved elsewhere
    await nextRefresh();
    expect(await screen.findByText('Elisa paid twice')).toBeVisible();
    // Aligned to the wall clock, so agents' refreshes coincide and the server shares them.
    expect(asked[firstWalk]!.at).toBe(Date.parse('2026-11-25T10:00:10.000Z'));
    expect(screen.queryByText('Carla changes her address')).not.toBeInTheDocument();
    expect(screen.getByText('4 conversations')).toBeVisible();
    expect(rows().map((row) => row.querySelector('a')!.getAttribute('href'))).toEqual([
      '/conversations/conv_elisa',
      '/conversations/conv_ana',
      '/conversations/conv_bruno',
      '/conversations/conv_davi',
    ]);
    expect(within(rows()[0]!).getByText('New')).toBeVisible();
    expect(rowLink('Elisa paid twice')).toHaveAccessibleName(/New/);
    expect(within(rows()[1]!).queryByText('New')).not.toBeInTheDocument();
    expect(screen.getByText('New conversation: Elisa paid twice')).toBeInTheDocument();

    // On screen for a few seconds: seen.
    await wait(SEEN_AFTER_MS);
    await waitFor(() => expect(within(rows()[0]!).queryByText('New')).not.toBeInTheDocument());
  });

  it('marks nothing new on the first load, and a newcomer as seen once opened', async () => {
    const { user, navigate } = renderApp('/conversations');
    await screen.findByText('4 conversations');
    expect(screen.queryByText('New')).not.toBeInTheDocument();

    queue = [...queue, elisa];
    await nextRefresh();
    await user.click(await screen.findByRole('link', { name: /New.*Elisa paid twice/ }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Elisa paid twice' }),
    ).toBeVisible();
    void navigate(-1);
    // Back on the list (the page's heading may still be there a moment): its row, no longer new.
    expect(await screen.findByRole('link', { name: /Elisa paid twice/ })).toBeVisible();
    expect(screen.queryByText('New')).not.toBeInTheDocument();
  });

  it('keeps the selection on its conversation, its focus and the rows in place when one comes in above', async () => {
    const scrolls = scrollableWindow();
    const { user } = renderApp('/conversations');
    await screen.findByText('4 conversations');
    await user.keyboard('jjj');
    await waitFor(() => expect(rowLink('Carla changes her address')).toHaveFocus());
    expect(rowLink('Carla changes her address')).toHaveAttribute('data-row-index', '2');

    queue = [elisa, ...queue];
    await nextRefresh();
    await screen.findByText('Elisa paid twice');
    expect(rowLink('Carla changes her address')).toHaveFocus();
    expect(rowLink('Carla changes her address')).toHaveAttribute('data-row-index', '3');
    // One row came in above: the window scrolled by one row (a phone's, here), before painting.
    expect(scrolls).toHaveBeenLastCalledWith({ top: 116, behavior: 'instant' });
    expect(window.scrollY).toBe(116);

    await user.keyboard('j');
    await waitFor(() => expect(rowLink('Davi asks about delivery')).toHaveFocus());
  });

  it('selects the nearest conversation when the selected one is resolved elsewhere, and says so', async () => {
    scrollableWindow();
    const { user } = renderApp('/conversations');
    await screen.findByText('4 conversations');
    await user.keyboard('jj');
    await waitFor(() => expect(rowLink('Bruno cannot sign in')).toHaveFocus());

    queue = [ana, carla, davi];
    await nextRefresh();
    expect(
      await screen.findByText(
        '“Bruno cannot sign in” left the list; “Carla changes her address” is selected.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(rowLink('Carla changes her address')).toHaveFocus());
    await user.keyboard('k');
    await waitFor(() => expect(rowLink('Ana asks for a refund')).toHaveFocus());
  });

  it('offers newcomers out of sight with an "N new" button that shows them', async () => {
    scrollableWindow();
    // Four rows fit under the filters: thirteen fill three screens and more.
    queue = [
      ...Array.from({ length: 12 }, (_, index) =>
        conversation(`conv_q${index}`, `Queued ${index}`, 'UNRESOLVED', { priority: 'HIGH' }),
      ),
      conversation('conv_oldest', 'Oldest and low', 'UNRESOLVED', {
        priority: 'LOW',
        updatedAt: '2026-11-01T10:00:00.000Z',
      }),
    ];
    const { user } = renderApp('/conversations');
    await screen.findByText('13 conversations');

    const late = conversation('conv_late', 'Late and low', 'UNRESOLVED', { priority: 'LOW' });
    queue = [...queue, late];
    await nextRefresh();
    const offer = await screen.findByRole('button', { name: 'Show 1 new conversation' });
    expect(offer).toHaveTextContent('1 new');
    expect(screen.getByText('New conversation: Late and low')).toBeInTheDocument();

    await user.click(offer);
    await waitFor(() => expect(rowLink('Late and low')).toHaveFocus());
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /new conversation/ })).not.toBeInTheDocument(),
    );
    expect(window.scrollY).toBe(300 + 13 * 116 - 768); // its row at the foot of the window
  });

  it('counts those waiting for a person in the tab’s title, on the triage page only', async () => {
    const { navigate } = renderApp('/conversations');
    await screen.findByText('4 conversations');
    await waitFor(() => expect(document.title).toBe('(2) Conversations · Conversation Viewer'));

    queue = [elisa, ...queue];
    await nextRefresh();
    await waitFor(() => expect(document.title).toBe('(3) Conversations · Conversation Viewer'));

    void navigate('/conversations/conv_ana');
    await screen.findByRole('heading', { level: 1, name: 'Ana asks for a refund' });
    expect(document.title).toBe('Ana asks for a refund · Conversation Viewer');
  });

  it('keeps the rows with a quiet notice when a refresh fails, and retries', async () => {
    const { user } = renderApp('/conversations');
    await screen.findByText('4 conversations');
    server.use(http.get('/api/conversation', () => new HttpResponse(null, { status: 503 })));
    await nextRefresh();
    expect(
      await screen.findByText('Could not refresh; showing the data loaded earlier.'),
    ).toBeVisible();
    expect(rows()).toHaveLength(4);
    expect(screen.getByText('4 conversations')).toBeVisible();

    server.resetHandlers();
    queue = [elisa, ...queue];
    server.use(
      http.get('/api/conversation', ({ request }) =>
        HttpResponse.json(answerList(queue, new URL(request.url).searchParams).body),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Elisa paid twice')).toBeVisible();
    expect(
      screen.queryByText('Could not refresh; showing the data loaded earlier.'),
    ).not.toBeInTheDocument();
  });

  it('keeps the whole count while a refresh needs one page more', async () => {
    // 99 need a person: one page, then the unresolved. A hundredth makes the first page full.
    queue = [...Array.from({ length: 99 }, (_, index) => asking(index)), carla, davi];
    renderApp('/conversations');
    expect(await screen.findByText('101 conversations')).toBeVisible();

    const release = holdListPages((query) => query.get('status') === 'UNRESOLVED');
    queue = [asking(99), ...queue];
    const before = asked.length;
    await nextRefresh();
    // The refresh asked again for its two pages, then for the unresolved, which is held.
    await waitFor(() => expect(asked.length).toBeGreaterThan(before + 1));
    expect(screen.getByText('101 conversations')).toBeVisible();
    expect(screen.queryByText(/so far/)).not.toBeInTheDocument();
    expect(rows()[0]).toHaveAttribute('aria-setsize', '101');
    release();
    expect(await screen.findByText('102 conversations')).toBeVisible();
  });

  it('does not ask again while its walk is still bringing pages', async () => {
    queue = [...Array.from({ length: 150 }, (_, index) => asking(index)), carla];
    const release = holdListPages((query) => query.has('cursor'));
    renderApp('/conversations');
    expect(await screen.findByText('100 conversations loaded so far…')).toBeVisible();
    const walking = asked.length; // the first page, and the second, held past 10:00:10
    await nextRefresh();
    await wait(1000);
    expect(asked).toHaveLength(walking);

    release();
    expect(await screen.findByText('151 conversations')).toBeVisible();
    const walked = asked.length;
    await nextRefresh();
    // Its three pages again: two of those asking for a person, one of the unresolved.
    await waitFor(() => expect(asked).toHaveLength(walked + 3));
  });

  it('asks again for the loaded pages of a view with resolved conversations once a minute', async () => {
    queue = [conversation('conv_done', 'Done and dusted', 'RESOLVED')];
    renderApp('/conversations?status=RESOLVED');
    await screen.findByText('Done and dusted');
    const firstLoad = asked.length;
    await nextRefresh();
    await wait(1000);
    expect(asked).toHaveLength(firstLoad);
    await wait(LOADED_PAGES_REFRESH_MS - (Date.now() % LOADED_PAGES_REFRESH_MS));
    await waitFor(() => expect(asked).toHaveLength(firstLoad + 1));
    expect(asked.at(-1)!.at % LOADED_PAGES_REFRESH_MS).toBe(0);
  });
});

describe('notifications of those asking for a person', () => {
  const notifySwitch = () =>
    screen.getByRole('switch', { name: 'Notify me when someone asks for a person' });

  it('are off until switched on, remembered, and tell of a newcomer asking for a person', async () => {
    const { shown, requestPermission } = stubNotifications('granted', 'default');
    const { user, unmount } = renderApp('/conversations');
    await screen.findByText('4 conversations');
    expect(notifySwitch()).not.toBeChecked();

    await user.click(notifySwitch());
    expect(requestPermission).toHaveBeenCalledOnce();
    await waitFor(() => expect(notifySwitch()).toBeChecked());
    expect(localStorage.getItem(NOTIFY_KEY)).toBe('on');
    expect(shown).toEqual([]); // nothing for those there at first

    // In another tab: the queue is still asked, once a minute, and a newcomer is told of.
    hideTab();
    const unresolved = conversation('conv_fay', 'Fay browses', 'UNRESOLVED', { priority: 'LOW' });
    queue = [elisa, unresolved, ...queue];
    await nextRefresh();
    await waitFor(() => expect(shown).toHaveLength(1));
    expect(shown[0]!.title).toBe('Someone asks for a person');
    expect(shown[0]!.options).toMatchObject({ body: 'Elisa paid twice', tag: 'triage:conv_elisa' });
    // Its title names it; nothing else of the customer's (the phone number) goes out.
    expect(JSON.stringify(shown[0]!.options)).not.toContain('5511977776666');
    const walked = asked.length;
    await nextRefresh();
    await wait(1000);
    expect(asked).toHaveLength(walked); // hidden: not every 10 s

    act(() => shown[0]!.onclick!());
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Elisa paid twice' }),
    ).toBeVisible();

    unmount();
    renderApp('/conversations');
    expect(await screen.findByRole('switch', { name: /Notify me/ })).toBeChecked();
  });

  it('says so when the browser blocks them', async () => {
    stubNotifications('denied', 'default');
    const { user } = renderApp('/conversations');
    await screen.findByText('4 conversations');
    await user.click(notifySwitch());
    expect(
      await screen.findByText(
        'Notifications are blocked for this site. Allow them in the browser’s site settings, then switch this on again.',
      ),
    ).toBeVisible();
    expect(notifySwitch()).not.toBeChecked();
    expect(localStorage.getItem(NOTIFY_KEY)).toBeNull();
  });

  it('are not offered where the browser has none', async () => {
    vi.stubGlobal('Notification', undefined);
    Reflect.deleteProperty(window, 'Notification');
    renderApp('/conversations');
    await screen.findByText('4 conversations');
    expect(notifySwitch()).toBeDisabled();
    expect(screen.getByText('This browser cannot show notifications.')).toBeVisible();
  });
});
