import { KeyIcon, UserPlusIcon } from '../../layout/icons'

export type AccountAction = 'register' | 'activate'

/** The ways into an account for someone not logged in yet (logging in itself has its own, larger entry). */
export const ACCOUNT_ACTIONS: readonly { action: AccountAction; path: string; Icon: typeof KeyIcon }[] = [
  { action: 'register', path: '/app/register', Icon: UserPlusIcon },
  { action: 'activate', path: '/app/activate', Icon: KeyIcon },
]
