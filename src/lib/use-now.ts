/** The current time as state, moving on every `intervalMs`, for labels such as "2 minutes ago". */
import { useEffect, useState } from 'react';
import { renderTime } from './clock';

export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(renderTime);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
