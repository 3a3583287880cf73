/** The words of sign-in's pages and the account menu in both languages: they load with their code. */
import type { SignInFailure } from '@/config/auth-paths';
import type { Locale } from '@/lib/locales';
import { localized, type Dictionary } from '@/lib/messages';

const en = {
  menu: (who: string) => `Account: ${who}`,
  signedInAs: 'Signed in as',
  sessionEnds: (time: string) => `Signed in until ${time}`,
  signOut: 'Sign out',
  signingOut: 'Signing out…',
  signOutFailed: 'Could not sign out. Try again in a moment.',
  signIn: 'Sign in',
  signInAgain: 'Sign in again',
  signedOut: {
    title: 'You have signed out',
    body: 'Nobody can read conversations in this browser until someone signs in again.',
  },
  notAllowed: {
    title: 'This account cannot read conversations here',
    account: 'You are signed in as',
    notVerified:
      'Your identity provider has not verified this e-mail address, so the viewer cannot tell whose it is.',
    body: 'The viewer lets in only the accounts its administrators allowed: usually your organization’s work accounts.',
    howToSwitch:
      'Sign in with your work account instead. If your provider signs you straight back in as this account, sign out first, or open the link in a private window.',
    switchAccount: 'Sign in with another account',
    notSignedIn: 'You are not signed in.',
  },
  failed: {
    title: 'Sign-in did not finish',
    reasons: {
      expired: 'The sign-in took too long or was started in another tab. Start it again from here.',
      denied:
        'The identity provider did not let this sign-in through (it was cancelled or refused).',
      'provider-unreachable':
        'The identity provider could not be reached. Try again in a moment; if it keeps failing, tell whoever runs the viewer.',
      failed:
        'The identity provider’s answer could not be checked. Try again; if it keeps failing, tell whoever runs the viewer.',
      'no-email':
        'The identity provider did not say which e-mail address this account has, and the viewer lets people in by e-mail.',
    } satisfies Record<SignInFailure, string>,
    tryAgain: 'Try again',
  },
} as const;

const ptBR: Dictionary<typeof en> = {
  menu: (who: string) => `Conta: ${who}`,
  signedInAs: 'Conectado como',
  sessionEnds: (time: string) => `Conectado até ${time}`,
  signOut: 'Sair',
  signingOut: 'Saindo…',
  signOutFailed: 'Não foi possível sair. Tente de novo daqui a pouco.',
  signIn: 'Entrar',
  signInAgain: 'Entrar de novo',
  signedOut: {
    title: 'Você saiu',
    body: 'Ninguém lê conversas neste navegador até que alguém entre de novo.',
  },
  notAllowed: {
    title: 'Esta conta não pode ler conversas aqui',
    account: 'Você entrou como',
    notVerified:
      'Seu provedor de identidade não verificou este endereço de e-mail, então o visualizador não sabe de quem ele é.',
    body: 'O visualizador só deixa entrar as contas que seus administradores permitiram: em geral, as contas de trabalho da sua organização.',
    howToSwitch:
      'Entre com sua conta de trabalho. Se o provedor entrar de novo direto com esta conta, saia dela antes ou abra o link numa janela anônima.',
    switchAccount: 'Entrar com outra conta',
    notSignedIn: 'Você não entrou.',
  },
  failed: {
    title: 'A entrada não terminou',
    reasons: {
      expired: 'A entrada demorou demais ou começou em outra aba. Comece de novo por aqui.',
      denied:
        'O provedor de identidade não deixou esta entrada passar (foi cancelada ou recusada).',
      'provider-unreachable':
        'Não foi possível falar com o provedor de identidade. Tente de novo daqui a pouco; se continuar falhando, avise quem administra o visualizador.',
      failed:
        'Não foi possível conferir a resposta do provedor de identidade. Tente de novo; se continuar falhando, avise quem administra o visualizador.',
      'no-email':
        'O provedor de identidade não disse qual e-mail esta conta tem, e o visualizador deixa as pessoas entrarem pelo e-mail.',
    },
    tryAgain: 'Tentar de novo',
  },
};

export const accountDictionaries: Record<Locale, Dictionary<typeof en>> = { en, 'pt-BR': ptBR };

export const accountMessages = localized(accountDictionaries);
