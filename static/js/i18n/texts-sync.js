// The texts of syncing and of signing out with changes waiting, in Dutch and English (part of the app's own).

export const SYNC_TEXTS = {
  nl: {
    sync_done: 'Alles gesynchroniseerd',
    sync_waiting_one: '{n} wijziging wacht op sync',
    sync_waiting_other: '{n} wijzigingen wachten op sync',
    sync_busy: 'Bezig met synchroniseren…',
    sync_offline: 'Offline',
    sync_offline_local: 'Offline · je reflecties zijn veilig op dit toestel',
    sync_offline_waiting_one: 'Offline · {n} wijziging gaat mee zodra je weer verbinding hebt',
    sync_offline_waiting_other: 'Offline · {n} wijzigingen gaan mee zodra je weer verbinding hebt',
    sync_signin: 'Meld je opnieuw aan om te synchroniseren',
    sync_other_account: 'Dit toestel hoort bij een ander account',
    sync_error_one: 'Sync lukte niet · {n} wijziging wacht · we proberen opnieuw',
    sync_error_other: 'Sync lukte niet · {n} wijzigingen wachten · we proberen opnieuw',
    sync_local: 'Alleen op dit toestel',
    sync_server_busy_one:
      'De server heeft het even druk · {n} wijziging wacht · we proberen zo opnieuw',
    sync_server_busy_other:
      'De server heeft het even druk · {n} wijzigingen wachten · we proberen zo opnieuw',
    sync_unreadable_one:
      'Een deel van de server kon niet gelezen worden · {n} wijziging wacht · we proberen opnieuw',
    sync_unreadable_other:
      'Een deel van de server kon niet gelezen worden · {n} wijzigingen wachten · we proberen opnieuw',
    sync_set_aside_one: 'Gesynchroniseerd · {n} wijziging van de server kon niet gelezen worden',
    sync_set_aside_other:
      'Gesynchroniseerd · {n} wijzigingen van de server konden niet gelezen worden',
    sign_out: 'Afmelden',
    sign_out_warning_one:
      '{n} wijziging staat nog niet op de server. Als je je nu afmeldt, verdwijnt ze van dit toestel.',
    sign_out_warning_other:
      '{n} wijzigingen staan nog niet op de server. Als je je nu afmeldt, verdwijnen ze van dit toestel.',
    sign_out_anyway: 'Toch afmelden',
    sync_first: 'Eerst synchroniseren',
    sign_out_offline: 'Om je af te melden heb je verbinding nodig.',
    sign_out_failed: 'Afmelden lukte niet. Probeer het opnieuw.',
  },
  en: {
    sync_done: 'All synced',
    sync_waiting_one: '{n} change waiting to sync',
    sync_waiting_other: '{n} changes waiting to sync',
    sync_busy: 'Syncing…',
    sync_offline: 'Offline',
    sync_offline_local: 'Offline · your reflections are safe on this device',
    sync_offline_waiting_one: 'Offline · {n} change goes along once you are back online',
    sync_offline_waiting_other: 'Offline · {n} changes go along once you are back online',
    sync_signin: 'Sign in again to sync',
    sync_other_account: 'This device belongs to another account',
    sync_error_one: 'Sync failed · {n} change waiting · will retry',
    sync_error_other: 'Sync failed · {n} changes waiting · will retry',
    sync_local: 'On this device only',
    sync_server_busy_one: 'The server is busy · {n} change waiting · trying again shortly',
    sync_server_busy_other: 'The server is busy · {n} changes waiting · trying again shortly',
    sync_unreadable_one: 'Part of the server could not be read · {n} change waiting · will retry',
    sync_unreadable_other:
      'Part of the server could not be read · {n} changes waiting · will retry',
    sync_set_aside_one: 'Synced · {n} change from the server could not be read',
    sync_set_aside_other: 'Synced · {n} changes from the server could not be read',
    sign_out: 'Sign out',
    sign_out_warning_one:
      '{n} change is not on the server yet. If you sign out now, it is removed from this device.',
    sign_out_warning_other:
      '{n} changes are not on the server yet. If you sign out now, they are removed from this device.',
    sign_out_anyway: 'Sign out anyway',
    sync_first: 'Sync first',
    sign_out_offline: 'You need a connection to sign out.',
    sign_out_failed: 'Signing out did not work. Please try again.',
  },
};
