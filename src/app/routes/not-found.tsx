import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { messages } from '@/lib/messages';
import { pageMessages } from '../page-messages';

export function NotFoundRoute() {
  const t = pageMessages().notFound;
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-line bg-surface p-5">
      <title>{`${t.title} · ${messages.appName}`}</title>
      <h1 className="text-lg font-semibold">{t.title}</h1>
      <p className="mt-2 text-sm text-muted">{t.body}</p>
      <Link
        to={paths.home.href()}
        className="mt-4 inline-block text-sm text-accent hover:underline"
      >
        {messages.goHome}
      </Link>
    </div>
  );
}
