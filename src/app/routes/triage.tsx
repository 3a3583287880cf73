import { TriagePage } from '@/features/conversation/triage/triage-page';

export function TriageRoute() {
  return <TriagePage />;
}
