import type { ComponentType } from 'react';
import { useLocation } from 'react-router';
import { accountPaths } from '@/config/auth-paths';
import {
  AccountNotAllowedPage,
  SignedOutPage,
  SignInFailedPage,
} from '@/features/account/account-pages';
import { NotFoundRoute } from './not-found';

const accountPages: Record<string, ComponentType> = {
  [accountPaths.signedOut]: SignedOutPage,
  [accountPaths.accountNotAllowed]: AccountNotAllowedPage,
  [accountPaths.signInFailed]: SignInFailedPage,
};

/** The addresses no other route takes: sign-in's pages, or "not found". */
export function OtherRoute() {
  const Page = accountPages[useLocation().pathname] ?? NotFoundRoute;
  return <Page />;
}
