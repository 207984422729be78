export const COUNTER_NEW_PATH = '/officer/counter/new'
export const COUNTER_QUEUE_PATH = '/officer/counter/queue'
export const CARD_APPLICATIONS_PATH = '/officer/counter/card-applications'
export const dossierPath = (id: string) => `/officer/counter/dossiers/${encodeURIComponent(id)}`
export const cardApplicationPath = (id: string) =>
  `/officer/counter/card-applications/${encodeURIComponent(id)}`
