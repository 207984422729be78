import { KeyIcon, LoginIcon, UserPlusIcon } from '../../layout/icons'

export type AccountAction = 'register' | 'activate' | 'login'

export const ACCOUNT_ACTIONS: readonly { action: AccountAction; path: string; Icon: typeof KeyIcon }[] = [
  { action: 'register', path: '/app/register', Icon: UserPlusIcon },
  { action: 'activate', path: '/app/activate', Icon: KeyIcon },
  { action: 'login', path: '/app/login', Icon: LoginIcon },
]
