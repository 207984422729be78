/** The username as typed: a 12-digit personal ID number or a foreigner's NN number, in any case. */
export const usernameOf = (typed: string) => typed.trim().toUpperCase()
