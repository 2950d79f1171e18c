// All UI text in Italian and English, plus the locale-aware formatting helpers.
// The two dictionaries have exactly the same keys (the compiler checks it).

import type {
  AppError,
  Interest,
  Language,
  LawfulBasis,
  MeetingKind,
  MeetingStatus,
  MemberKind,
  MissionStatus,
  OrganisationKind,
  ParticipationStatus,
  HitKind,
} from "./api";

const it = {
  "app.name": "Ponte",
  "app.tagline": "Missioni e contatti",
  "app.starting": "Avvio di Ponte…",

  "nav.main": "Navigazione principale",
  "nav.dashboard": "Panoramica",
  "nav.missions": "Missioni",
  "nav.contacts": "Contatti",
  "nav.organisations": "Organizzazioni",
  "nav.members": "Membri",
  "nav.settings": "Impostazioni",
  "nav.group.cluster": "Cluster",
  "nav.group.network": "Rete estera",

  "lang.label": "Lingua",
  "lang.it": "Italiano",
  "lang.en": "English",

  "search.label": "Ricerca globale",
  "search.placeholder": "Cerca contatti, organizzazioni, membri, persone…",
  "search.noResults": "Nessun risultato",
  "search.searching": "Ricerca in corso…",
  "search.hint": "↑↓ per scegliere · Invio per aprire · Esc per chiudere",
  "search.results": "Risultati della ricerca",
  "hitKind.contact": "Contatto",
  "hitKind.organisation": "Organizzazione",
  "hitKind.member": "Membro",
  "hitKind.person": "Persona",

  "action.edit": "Modifica",
  "action.delete": "Elimina",
  "action.save": "Salva",
  "action.saving": "Salvataggio…",
  "action.cancel": "Annulla",
  "action.retry": "Riprova",
  "action.dismiss": "Chiudi",
  "action.close": "Chiudi",
  "action.newMember": "Nuovo membro",
  "action.newContact": "Nuovo contatto",
  "action.newOrganisation": "Nuova organizzazione",
  "action.newMission": "Nuova missione",
  "action.newPerson": "Aggiungi persona",
  "action.newContactHere": "Nuovo contatto qui",
  "action.deleting": "Eliminazione…",

  "common.loading": "Caricamento…",
  "common.none": "— nessuna —",
  "common.required": "obbligatorio",
  "common.requiredLegend": "I campi con * sono obbligatori.",
  "common.filter": "Filtra l'elenco…",
  "common.filterLabel": "Filtra",
  "common.filterCount": "{shown} di {total}",
  "common.count.one": "{n} elemento",
  "common.count.other": "{n} elementi",
  "common.noMatch": "Nessun elemento corrisponde al filtro «{text}».",
  "common.clearFilter": "Azzera filtro",
  "common.yes": "Sì",
  "common.no": "No",
  "common.createdAt": "Creato il",
  "common.updatedAt": "Aggiornato il",
  "common.notFoundTitle": "Elemento non trovato",
  "common.notFoundBody": "Questo elemento non esiste più: potrebbe essere stato eliminato.",
  "common.backTo": "Torna a {section}",
  "common.loadFailed": "Impossibile caricare i dati.",
  "common.details": "Dettagli",
  "common.notes": "Note",
  "common.sortBy": "Ordina per {column}",
  "common.shortcutCtrlEnter": "Ctrl+Invio per salvare · Esc per annullare",
  "common.openDetail": "Apri {name}",

  "notice.saved": "Salvato",
  "notice.deleted": "Eliminato",

  "confirm.title": "Eliminare «{name}»?",
  "confirm.body": "L'eliminazione è definitiva e non può essere annullata.",
  "confirm.bodyMember": "Il membro {name} sarà eliminato definitivamente.",
  "confirm.bodyPerson": "La persona {name} sarà eliminata definitivamente.",
  "confirm.bodyMission": "La missione {name} sarà eliminata definitivamente.",
  "confirm.bodyOrganisation": "L'organizzazione {name} sarà eliminata definitivamente.",
  "confirm.bodyContact": "Il contatto {name} sarà eliminato definitivamente, con i suoi dati personali.",

  "dashboard.title": "Panoramica",
  "dashboard.workspace": "Area di lavoro",
  "dashboard.missions": "Missioni",
  "dashboard.noMissions": "Nessuna missione. Creane una per organizzare la prima delegazione.",
  "dashboard.quick": "Azioni rapide",
  "dashboard.allMissions": "Tutte le missioni",

  "count.members": "Membri",
  "count.persons": "Persone",
  "count.missions": "Missioni",
  "count.organisations": "Organizzazioni",
  "count.contacts": "Contatti",
  "count.meetings": "Incontri",

  "col.title": "Titolo",
  "col.destination": "Destinazione",
  "col.dates": "Date",
  "col.status": "Stato",
  "col.members": "Membri",
  "col.meetings": "Incontri",
  "col.name": "Nome",
  "col.organisation": "Organizzazione",
  "col.role": "Ruolo",
  "col.country": "Paese",
  "col.email": "Email",
  "col.phone": "Telefono",
  "col.kind": "Tipo",
  "col.city": "Città",
  "col.contacts": "Contatti",
  "col.people": "Persone",
  "col.missions": "Missioni",
  "col.member": "Membro",
  "col.notes": "Note",
  "col.actions": "Azioni",

  "field.name": "Nome",
  "field.kind": "Tipo",
  "field.city": "Città",
  "field.region": "Regione",
  "field.website": "Sito web",
  "field.email": "Email",
  "field.phone": "Telefono",
  "field.notes": "Note",
  "field.title": "Titolo",
  "field.destination": "Destinazione",
  "field.country": "Paese",
  "field.countryHint": "Codice ISO a 2 lettere, es. JP, US, DE",
  "field.timeZone": "Fuso orario",
  "field.timeZoneHint": "Nome IANA, es. Asia/Tokyo o America/New_York",
  "field.startsOn": "Inizio",
  "field.endsOn": "Fine",
  "field.status": "Stato",
  "field.online": "Missione online",
  "field.objectives": "Obiettivi",
  "field.firstName": "Nome",
  "field.lastName": "Cognome",
  "field.nameReading": "Lettura del nome",
  "field.nameReadingHint": "Trascrizione fonetica, es. per i nomi giapponesi (やまだ たろう)",
  "field.organisationId": "Organizzazione",
  "field.role": "Ruolo",
  "field.language": "Lingua",
  "field.languageHint": "Codice della lingua, es. ja, en, de",
  "field.source": "Fonte",
  "field.sourceHint": "Come è nato il contatto, es. Health Expo Osaka 2025",
  "field.lawfulBasis": "Base giuridica",
  "field.lawfulBasisOn": "Data della base giuridica",
  "field.homeTimeZone": "Fuso orario di casa",
  "field.memberId": "Membro",

  "reason.required": "campo obbligatorio",
  "reason.too_long": "testo troppo lungo",
  "reason.email": "indirizzo email non valido",
  "reason.date": "data non valida",
  "reason.time_zone": "fuso orario non riconosciuto (usa un nome IANA, es. Europe/Rome)",
  "reason.date_order": "la data di fine precede quella di inizio",
  "reason.choice": "valore non ammesso",
  "reason.url": "indirizzo web non valido",
  "reason.phone": "numero di telefono non valido",
  "reason.time": "orario non valido",
  "reason.unknown": "valore non valido",
  "reason.conflict": "valore già usato da un altro elemento",

  "error.not_found": "L'elemento richiesto ({entity}) non esiste più: potrebbe essere stato eliminato.",
  "error.not_found_generic": "L'elemento richiesto non esiste più: potrebbe essere stato eliminato.",
  "error.invalid": "Controlla il campo «{field}»: {reason}.",
  "error.invalid_generic": "Alcuni dati non sono validi: {reason}.",
  "error.conflict": "Esiste già un elemento con lo stesso valore in «{field}».",
  "error.conflict_generic": "Esiste già un elemento con gli stessi dati.",
  "error.referenced_generic": "Questo elemento non può essere eliminato: altri dati vi fanno ancora riferimento.",
  "error.storage": "Impossibile leggere o scrivere il database dell'area di lavoro.",
  "error.io": "Impossibile leggere o scrivere un file.",
  "error.schema_too_new": "Questa area di lavoro è stata salvata da una versione più recente di Ponte. Aggiorna l'applicazione per aprirla.",
  "error.unknown": "Si è verificato un errore imprevisto.",
  "error.detail": "Dettaglio tecnico",
  "error.title": "Errore",

  "entity.member": "membro",
  "entity.person": "persona",
  "entity.mission": "missione",
  "entity.participation": "partecipazione",
  "entity.organisation": "organizzazione",
  "entity.contact": "contatto",
  "entity.meeting": "incontro",
  "entity.follow_up": "follow-up",
  "entity.delegate": "delegato",
  "entity.partner": "partner",

  "ref.intro.member": "Questo membro non può essere eliminato: {list}.",
  "ref.intro.person": "Questa persona non può essere eliminata: {list}.",
  "ref.intro.mission": "Questa missione non può essere eliminata: {list}.",
  "ref.intro.organisation": "Questa organizzazione non può essere eliminata: {list}.",
  "ref.intro.contact": "Questo contatto non può essere eliminato: {list}.",
  "ref.intro.meeting": "Questo incontro non può essere eliminato: {list}.",
  "ref.intro.other": "Questo elemento non può essere eliminato: {list}.",
  "ref.person.one": "ha {n} persona",
  "ref.person.other": "ha {n} persone",
  "ref.participation.one": "partecipa a {n} missione",
  "ref.participation.other": "partecipa a {n} missioni",
  "ref.mission.participation.one": "ha {n} membro in delegazione",
  "ref.mission.participation.other": "ha {n} membri in delegazione",
  "ref.meeting.one": "compare in {n} incontro",
  "ref.meeting.other": "compare in {n} incontri",
  "ref.mission.meeting.one": "ha {n} incontro in agenda",
  "ref.mission.meeting.other": "ha {n} incontri in agenda",
  "ref.contact.one": "ha {n} contatto",
  "ref.contact.other": "ha {n} contatti",
  "ref.mission.one": "è collegato a {n} missione",
  "ref.mission.other": "è collegato a {n} missioni",
  "ref.member.mission.one": "partecipa a {n} missione",
  "ref.member.mission.other": "partecipa a {n} missioni",
  "ref.person.follow_up.one": "ha {n} follow-up",
  "ref.person.follow_up.other": "ha {n} follow-up",
  "ref.contact.follow_up.one": "ha {n} follow-up",
  "ref.contact.follow_up.other": "ha {n} follow-up",
  "ref.organisation.mission.one": "risulta partner di {n} missione",
  "ref.organisation.mission.other": "risulta partner di {n} missioni",
  "ref.organisation.partner.one": "risulta partner di {n} missione",
  "ref.organisation.partner.other": "risulta partner di {n} missioni",
  "ref.follow_up.one": "ha {n} follow-up",
  "ref.follow_up.other": "ha {n} follow-up",
  "ref.member.one": "è collegato a {n} membro",
  "ref.member.other": "è collegato a {n} membri",
  "ref.organisation.one": "è collegato a {n} organizzazione",
  "ref.organisation.other": "è collegato a {n} organizzazioni",
  "ref.person.delegate.one": "fa parte della delegazione di {n} missione",
  "ref.person.delegate.other": "fa parte della delegazione di {n} missioni",
  "ref.delegate.one": "ha {n} delegato",
  "ref.delegate.other": "ha {n} delegati",
  "ref.partner.one": "ha {n} partner",
  "ref.partner.other": "ha {n} partner",
  "ref.other.one": "è collegato a {n} altro elemento ({entity})",
  "ref.other.other": "è collegato a {n} altri elementi ({entity})",

  "memberKind.startup": "Startup",
  "memberKind.sme": "PMI",
  "memberKind.large_company": "Grande impresa",
  "memberKind.research_lab": "Laboratorio di ricerca",
  "memberKind.university": "Università",
  "memberKind.hospital": "Ospedale",
  "memberKind.foundation": "Fondazione",
  "memberKind.association": "Associazione",
  "memberKind.other": "Altro",

  "organisationKind.university": "Università",
  "organisationKind.hospital": "Ospedale",
  "organisationKind.research_centre": "Centro di ricerca",
  "organisationKind.company": "Azienda",
  "organisationKind.startup": "Startup",
  "organisationKind.incubator": "Incubatore",
  "organisationKind.investor": "Investitore",
  "organisationKind.public_body": "Ente pubblico",
  "organisationKind.chamber": "Camera di commercio",
  "organisationKind.association": "Associazione",
  "organisationKind.other": "Altro",

  "missionStatus.planning": "In preparazione",
  "missionStatus.active": "In corso",
  "missionStatus.closed": "Chiusa",

  "participationStatus.invited": "Invitato",
  "participationStatus.confirmed": "Confermato",
  "participationStatus.withdrawn": "Ritirato",

  "meetingKind.b2b": "B2B",
  "meetingKind.forum": "Forum",
  "meetingKind.site_visit": "Visita in loco",
  "meetingKind.training": "Formazione",
  "meetingKind.mentoring": "Mentoring",
  "meetingKind.networking": "Networking",
  "meetingKind.other": "Altro",

  "meetingStatus.planned": "Pianificato",
  "meetingStatus.held": "Svolto",
  "meetingStatus.cancelled": "Annullato",

  "interest.hot": "Interesse alto",
  "interest.warm": "Interesse medio",
  "interest.cold": "Interesse basso",

  "lawfulBasis.consent": "Consenso",
  "lawfulBasis.legitimate_interest": "Legittimo interesse",
  "lawfulBasis.contract": "Contratto",
  "lawfulBasis.legal_obligation": "Obbligo legale",
  "lawfulBasis.public_task": "Compito di interesse pubblico",
  "lawfulBasis.vital_interest": "Interesse vitale",

  "missions.title": "Missioni",
  "missions.subtitle": "Delegazioni del cluster all'estero",
  "missions.empty": "Nessuna missione ancora.",
  "mission.new": "Nuova missione",
  "mission.edit": "Modifica missione",
  "mission.delegation": "Delegazione",
  "mission.noDelegation": "Nessun membro nella delegazione.",
  "mission.partners": "Organizzazioni partner",
  "mission.noPartners": "Nessuna organizzazione partner.",
  "mission.agenda": "Agenda",
  "mission.noMeetings": "Nessun incontro in agenda.",
  "mission.timesIn": "Orari in {zone} · {home}",
  "mission.online": "Online",
  "mission.days.one": "{n} giorno",
  "mission.days.other": "{n} giorni",
  "mission.meetingsCount.one": "{n} incontro",
  "mission.meetingsCount.other": "{n} incontri",
  "mission.attendees": "Partecipanti",
  "mission.outcome": "Esito",
  "mission.place": "Luogo",
  "mission.sameZone": "Il fuso della missione coincide con quello di casa.",
  "mission.dayAfter": "giorno dopo",
  "mission.dayBefore": "giorno prima",

  "contacts.title": "Contatti",
  "contacts.subtitle": "Interlocutori esteri: ospedali, università, aziende, enti",
  "contacts.empty": "Nessun contatto ancora.",
  "contact.new": "Nuovo contatto",
  "contact.edit": "Modifica contatto",
  "contact.meetings": "Incontri",
  "contact.noMeetings": "Nessun incontro con questo contatto.",
  "contact.privacy": "Protezione dei dati (GDPR)",
  "contact.profile": "Profilo",
  "contact.mission": "Missione",

  "organisations.title": "Organizzazioni",
  "organisations.subtitle": "Organizzazioni estere: ospedali, università, aziende, investitori",
  "organisations.empty": "Nessuna organizzazione ancora.",
  "organisation.new": "Nuova organizzazione",
  "organisation.edit": "Modifica organizzazione",
  "organisation.contacts": "Contatti",
  "organisation.noContacts": "Nessun contatto in questa organizzazione.",

  "members.title": "Membri",
  "members.subtitle": "Le imprese e gli enti associati al cluster",
  "members.empty": "Nessun membro ancora.",
  "member.new": "Nuovo membro",
  "member.edit": "Modifica membro",
  "member.people": "Persone",
  "member.noPeople": "Nessuna persona registrata per questo membro.",
  "member.missions": "Missioni",
  "member.noMissions": "Questo membro non partecipa ancora a nessuna missione.",
  "person.new": "Nuova persona",
  "person.edit": "Modifica persona",
  "person.editNamed": "Modifica {name}",
  "person.deleteNamed": "Elimina {name}",

  "settings.title": "Impostazioni",
  "settings.preferences": "Preferenze",
  "settings.homeTimeZoneHint": "Gli orari degli incontri all'estero sono mostrati anche in questo fuso.",
  "settings.workspace": "Area di lavoro",
  "settings.path": "Percorso",
  "settings.zoneNow": "Ora lì: {time}",
  "settings.languageSaved": "Lingua salvata",
} as const;

export type Key = keyof typeof it;

const en: Record<Key, string> = {
  "app.name": "Ponte",
  "app.tagline": "Missions and contacts",
  "app.starting": "Starting Ponte…",

  "nav.main": "Main navigation",
  "nav.dashboard": "Dashboard",
  "nav.missions": "Missions",
  "nav.contacts": "Contacts",
  "nav.organisations": "Organisations",
  "nav.members": "Members",
  "nav.settings": "Settings",
  "nav.group.cluster": "Cluster",
  "nav.group.network": "Foreign network",

  "lang.label": "Language",
  "lang.it": "Italiano",
  "lang.en": "English",

  "search.label": "Global search",
  "search.placeholder": "Search contacts, organisations, members, people…",
  "search.noResults": "No results",
  "search.searching": "Searching…",
  "search.hint": "↑↓ to choose · Enter to open · Esc to close",
  "search.results": "Search results",
  "hitKind.contact": "Contact",
  "hitKind.organisation": "Organisation",
  "hitKind.member": "Member",
  "hitKind.person": "Person",

  "action.edit": "Edit",
  "action.delete": "Delete",
  "action.save": "Save",
  "action.saving": "Saving…",
  "action.cancel": "Cancel",
  "action.retry": "Retry",
  "action.dismiss": "Dismiss",
  "action.close": "Close",
  "action.newMember": "New member",
  "action.newContact": "New contact",
  "action.newOrganisation": "New organisation",
  "action.newMission": "New mission",
  "action.newPerson": "Add person",
  "action.newContactHere": "New contact here",
  "action.deleting": "Deleting…",

  "common.loading": "Loading…",
  "common.none": "— none —",
  "common.required": "required",
  "common.requiredLegend": "Fields marked * are required.",
  "common.filter": "Filter the list…",
  "common.filterLabel": "Filter",
  "common.filterCount": "{shown} of {total}",
  "common.count.one": "{n} item",
  "common.count.other": "{n} items",
  "common.noMatch": "Nothing matches the filter “{text}”.",
  "common.clearFilter": "Clear filter",
  "common.yes": "Yes",
  "common.no": "No",
  "common.createdAt": "Created",
  "common.updatedAt": "Updated",
  "common.notFoundTitle": "Not found",
  "common.notFoundBody": "This record no longer exists: it may have been deleted.",
  "common.backTo": "Back to {section}",
  "common.loadFailed": "The data could not be loaded.",
  "common.details": "Details",
  "common.notes": "Notes",
  "common.sortBy": "Sort by {column}",
  "common.shortcutCtrlEnter": "Ctrl+Enter to save · Esc to cancel",
  "common.openDetail": "Open {name}",

  "notice.saved": "Saved",
  "notice.deleted": "Deleted",

  "confirm.title": "Delete “{name}”?",
  "confirm.body": "Deleting is permanent and cannot be undone.",
  "confirm.bodyMember": "The member {name} will be permanently deleted.",
  "confirm.bodyPerson": "The person {name} will be permanently deleted.",
  "confirm.bodyMission": "The mission {name} will be permanently deleted.",
  "confirm.bodyOrganisation": "The organisation {name} will be permanently deleted.",
  "confirm.bodyContact": "The contact {name} will be permanently deleted, with their personal data.",

  "dashboard.title": "Dashboard",
  "dashboard.workspace": "Workspace",
  "dashboard.missions": "Missions",
  "dashboard.noMissions": "No missions yet. Create one to organise the first delegation.",
  "dashboard.quick": "Quick actions",
  "dashboard.allMissions": "All missions",

  "count.members": "Members",
  "count.persons": "People",
  "count.missions": "Missions",
  "count.organisations": "Organisations",
  "count.contacts": "Contacts",
  "count.meetings": "Meetings",

  "col.title": "Title",
  "col.destination": "Destination",
  "col.dates": "Dates",
  "col.status": "Status",
  "col.members": "Members",
  "col.meetings": "Meetings",
  "col.name": "Name",
  "col.organisation": "Organisation",
  "col.role": "Role",
  "col.country": "Country",
  "col.email": "Email",
  "col.phone": "Phone",
  "col.kind": "Kind",
  "col.city": "City",
  "col.contacts": "Contacts",
  "col.people": "People",
  "col.missions": "Missions",
  "col.member": "Member",
  "col.notes": "Notes",
  "col.actions": "Actions",

  "field.name": "Name",
  "field.kind": "Kind",
  "field.city": "City",
  "field.region": "Region",
  "field.website": "Website",
  "field.email": "Email",
  "field.phone": "Phone",
  "field.notes": "Notes",
  "field.title": "Title",
  "field.destination": "Destination",
  "field.country": "Country",
  "field.countryHint": "2-letter ISO code, e.g. JP, US, DE",
  "field.timeZone": "Time zone",
  "field.timeZoneHint": "IANA name, e.g. Asia/Tokyo or America/New_York",
  "field.startsOn": "Starts on",
  "field.endsOn": "Ends on",
  "field.status": "Status",
  "field.online": "Online mission",
  "field.objectives": "Objectives",
  "field.firstName": "First name",
  "field.lastName": "Last name",
  "field.nameReading": "Name reading",
  "field.nameReadingHint": "Phonetic reading, e.g. for Japanese names (やまだ たろう)",
  "field.organisationId": "Organisation",
  "field.role": "Role",
  "field.language": "Language",
  "field.languageHint": "Language code, e.g. ja, en, de",
  "field.source": "Source",
  "field.sourceHint": "Where the contact came from, e.g. Health Expo Osaka 2025",
  "field.lawfulBasis": "Lawful basis",
  "field.lawfulBasisOn": "Lawful basis date",
  "field.homeTimeZone": "Home time zone",
  "field.memberId": "Member",

  "reason.required": "this field is required",
  "reason.too_long": "the text is too long",
  "reason.email": "not a valid email address",
  "reason.date": "not a valid date",
  "reason.time_zone": "unknown time zone (use an IANA name, e.g. Europe/Rome)",
  "reason.date_order": "the end date is before the start date",
  "reason.choice": "not an allowed value",
  "reason.url": "not a valid web address",
  "reason.phone": "not a valid phone number",
  "reason.time": "not a valid time",
  "reason.unknown": "not a valid value",
  "reason.conflict": "already used by another record",

  "error.not_found": "The requested {entity} no longer exists: it may have been deleted.",
  "error.not_found_generic": "The requested record no longer exists: it may have been deleted.",
  "error.invalid": "Check the “{field}” field: {reason}.",
  "error.invalid_generic": "Some data is not valid: {reason}.",
  "error.conflict": "Another record already has the same “{field}”.",
  "error.conflict_generic": "Another record already has the same data.",
  "error.referenced_generic": "This record can't be deleted: other records still refer to it.",
  "error.storage": "The workspace database could not be read or written.",
  "error.io": "A file could not be read or written.",
  "error.schema_too_new": "This workspace was saved by a newer version of Ponte. Update the app to open it.",
  "error.unknown": "An unexpected error occurred.",
  "error.detail": "Technical detail",
  "error.title": "Error",

  "entity.member": "member",
  "entity.person": "person",
  "entity.mission": "mission",
  "entity.participation": "participation",
  "entity.organisation": "organisation",
  "entity.contact": "contact",
  "entity.meeting": "meeting",
  "entity.follow_up": "follow-up",
  "entity.delegate": "delegate",
  "entity.partner": "partner",

  "ref.intro.member": "This member can't be deleted: it {list}.",
  "ref.intro.person": "This person can't be deleted: they {list}.",
  "ref.intro.mission": "This mission can't be deleted: it {list}.",
  "ref.intro.organisation": "This organisation can't be deleted: it {list}.",
  "ref.intro.contact": "This contact can't be deleted: they {list}.",
  "ref.intro.meeting": "This meeting can't be deleted: it {list}.",
  "ref.intro.other": "This record can't be deleted: it {list}.",
  "ref.person.one": "has {n} person",
  "ref.person.other": "has {n} people",
  "ref.participation.one": "takes part in {n} mission",
  "ref.participation.other": "takes part in {n} missions",
  "ref.mission.participation.one": "has {n} member in its delegation",
  "ref.mission.participation.other": "has {n} members in its delegation",
  "ref.meeting.one": "are listed in {n} meeting",
  "ref.meeting.other": "are listed in {n} meetings",
  "ref.mission.meeting.one": "has {n} meeting on its agenda",
  "ref.mission.meeting.other": "has {n} meetings on its agenda",
  "ref.contact.one": "has {n} contact",
  "ref.contact.other": "has {n} contacts",
  "ref.mission.one": "is linked to {n} mission",
  "ref.mission.other": "is linked to {n} missions",
  "ref.member.mission.one": "takes part in {n} mission",
  "ref.member.mission.other": "takes part in {n} missions",
  "ref.person.follow_up.one": "have {n} follow-up",
  "ref.person.follow_up.other": "have {n} follow-ups",
  "ref.contact.follow_up.one": "have {n} follow-up",
  "ref.contact.follow_up.other": "have {n} follow-ups",
  "ref.organisation.mission.one": "is a partner in {n} mission",
  "ref.organisation.mission.other": "is a partner in {n} missions",
  "ref.organisation.partner.one": "is a partner in {n} mission",
  "ref.organisation.partner.other": "is a partner in {n} missions",
  "ref.follow_up.one": "has {n} follow-up",
  "ref.follow_up.other": "has {n} follow-ups",
  "ref.member.one": "is linked to {n} member",
  "ref.member.other": "is linked to {n} members",
  "ref.organisation.one": "is linked to {n} organisation",
  "ref.organisation.other": "is linked to {n} organisations",
  "ref.person.delegate.one": "are in the delegation of {n} mission",
  "ref.person.delegate.other": "are in the delegation of {n} missions",
  "ref.delegate.one": "has {n} delegate",
  "ref.delegate.other": "has {n} delegates",
  "ref.partner.one": "has {n} partner",
  "ref.partner.other": "has {n} partners",
  "ref.other.one": "is linked to {n} other record ({entity})",
  "ref.other.other": "is linked to {n} other records ({entity})",

  "memberKind.startup": "Start-up",
  "memberKind.sme": "SME",
  "memberKind.large_company": "Large company",
  "memberKind.research_lab": "Research lab",
  "memberKind.university": "University",
  "memberKind.hospital": "Hospital",
  "memberKind.foundation": "Foundation",
  "memberKind.association": "Association",
  "memberKind.other": "Other",

  "organisationKind.university": "University",
  "organisationKind.hospital": "Hospital",
  "organisationKind.research_centre": "Research centre",
  "organisationKind.company": "Company",
  "organisationKind.startup": "Start-up",
  "organisationKind.incubator": "Incubator",
  "organisationKind.investor": "Investor",
  "organisationKind.public_body": "Public body",
  "organisationKind.chamber": "Chamber of commerce",
  "organisationKind.association": "Association",
  "organisationKind.other": "Other",

  "missionStatus.planning": "Planning",
  "missionStatus.active": "Active",
  "missionStatus.closed": "Closed",

  "participationStatus.invited": "Invited",
  "participationStatus.confirmed": "Confirmed",
  "participationStatus.withdrawn": "Withdrawn",

  "meetingKind.b2b": "B2B",
  "meetingKind.forum": "Forum",
  "meetingKind.site_visit": "Site visit",
  "meetingKind.training": "Training",
  "meetingKind.mentoring": "Mentoring",
  "meetingKind.networking": "Networking",
  "meetingKind.other": "Other",

  "meetingStatus.planned": "Planned",
  "meetingStatus.held": "Held",
  "meetingStatus.cancelled": "Cancelled",

  "interest.hot": "High interest",
  "interest.warm": "Some interest",
  "interest.cold": "Low interest",

  "lawfulBasis.consent": "Consent",
  "lawfulBasis.legitimate_interest": "Legitimate interest",
  "lawfulBasis.contract": "Contract",
  "lawfulBasis.legal_obligation": "Legal obligation",
  "lawfulBasis.public_task": "Public task",
  "lawfulBasis.vital_interest": "Vital interest",

  "missions.title": "Missions",
  "missions.subtitle": "The cluster's delegations abroad",
  "missions.empty": "No missions yet.",
  "mission.new": "New mission",
  "mission.edit": "Edit mission",
  "mission.delegation": "Delegation",
  "mission.noDelegation": "No members in the delegation.",
  "mission.partners": "Partner organisations",
  "mission.noPartners": "No partner organisations.",
  "mission.agenda": "Agenda",
  "mission.noMeetings": "No meetings on the agenda.",
  "mission.timesIn": "Times in {zone} · {home}",
  "mission.online": "Online",
  "mission.days.one": "{n} day",
  "mission.days.other": "{n} days",
  "mission.meetingsCount.one": "{n} meeting",
  "mission.meetingsCount.other": "{n} meetings",
  "mission.attendees": "Attendees",
  "mission.outcome": "Outcome",
  "mission.place": "Place",
  "mission.sameZone": "The mission's time zone is the same as home.",
  "mission.dayAfter": "next day",
  "mission.dayBefore": "previous day",

  "contacts.title": "Contacts",
  "contacts.subtitle": "Foreign stakeholders: hospitals, universities, companies, agencies",
  "contacts.empty": "No contacts yet.",
  "contact.new": "New contact",
  "contact.edit": "Edit contact",
  "contact.meetings": "Meetings",
  "contact.noMeetings": "No meetings with this contact.",
  "contact.privacy": "Data protection (GDPR)",
  "contact.profile": "Profile",
  "contact.mission": "Mission",

  "organisations.title": "Organisations",
  "organisations.subtitle": "Foreign organisations: hospitals, universities, companies, investors",
  "organisations.empty": "No organisations yet.",
  "organisation.new": "New organisation",
  "organisation.edit": "Edit organisation",
  "organisation.contacts": "Contacts",
  "organisation.noContacts": "No contacts in this organisation.",

  "members.title": "Members",
  "members.subtitle": "The companies and institutions in the cluster",
  "members.empty": "No members yet.",
  "member.new": "New member",
  "member.edit": "Edit member",
  "member.people": "People",
  "member.noPeople": "No people recorded for this member.",
  "member.missions": "Missions",
  "member.noMissions": "This member does not take part in any mission yet.",
  "person.new": "New person",
  "person.edit": "Edit person",
  "person.editNamed": "Edit {name}",
  "person.deleteNamed": "Delete {name}",

  "settings.title": "Settings",
  "settings.preferences": "Preferences",
  "settings.homeTimeZoneHint": "Meeting times abroad are also shown in this time zone.",
  "settings.workspace": "Workspace",
  "settings.path": "Path",
  "settings.zoneNow": "Time there now: {time}",
  "settings.languageSaved": "Language saved",
};

const dictionaries: Record<Language, Record<Key, string>> = { it, en };

// ---------------------------------------------------------------- language state

let current: Language = "en";

export function getLanguage(): Language {
  return current;
}

/** Sets the UI language (the app re-renders itself; this only switches the dictionary). */
export function setLanguage(lang: Language): void {
  current = lang;
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

/** The language to start with when the settings have none. */
export function languageFromNavigator(): Language {
  const nav = typeof navigator !== "undefined" ? navigator.language || "" : "";
  return nav.toLowerCase().startsWith("it") ? "it" : "en";
}

export function locale(): string {
  return current === "it" ? "it-IT" : "en-GB";
}

type Params = Record<string, string | number>;

function interpolate(s: string, params?: Params): string {
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (m, p: string) => {
    const v = params[p];
    if (v === undefined) return m;
    return typeof v === "number" ? formatNumber(v) : v;
  });
}

export function t(key: Key, params?: Params): string {
  const s = dictionaries[current][key] ?? en[key] ?? key;
  return interpolate(s, params);
}

/** Whether `key` is a key of the dictionaries (for keys built at run time). */
export function hasKey(key: string): key is Key {
  return Object.prototype.hasOwnProperty.call(it, key);
}

/** `t` for a key built at run time, with a fallback when it does not exist. */
export function tDynamic(key: string, fallback: string, params?: Params): string {
  return hasKey(key) ? t(key, params) : interpolate(fallback, params);
}

type PluralBaseOf<K> = K extends `${infer B}.one` ? B : never;
type PluralBase = PluralBaseOf<Key>;

/** Plural: picks `<base>.one` or `<base>.other` for `n` and fills `{n}`. */
export function tn(base: PluralBase, n: number, params?: Params): string {
  const key = (n === 1 ? `${base}.one` : `${base}.other`) as Key;
  return t(key, { ...params, n });
}

// ---------------------------------------------------------------- enum labels

export const memberKindLabel = (k: MemberKind) => tDynamic(`memberKind.${k}`, k);
export const organisationKindLabel = (k: OrganisationKind) => tDynamic(`organisationKind.${k}`, k);
export const missionStatusLabel = (s: MissionStatus) => tDynamic(`missionStatus.${s}`, s);
export const participationStatusLabel = (s: ParticipationStatus) =>
  tDynamic(`participationStatus.${s}`, s);
export const meetingKindLabel = (k: MeetingKind) => tDynamic(`meetingKind.${k}`, k);
export const meetingStatusLabel = (s: MeetingStatus) => tDynamic(`meetingStatus.${s}`, s);
export const interestLabel = (i: Interest) => tDynamic(`interest.${i}`, i);
export const lawfulBasisLabel = (b: LawfulBasis) => tDynamic(`lawfulBasis.${b}`, b);
export const hitKindLabel = (k: HitKind) => tDynamic(`hitKind.${k}`, k);
export const entityLabel = (e: string) => tDynamic(`entity.${e}`, e);
export const fieldLabel = (f: string) => tDynamic(`field.${f}`, f);
export const reasonText = (r: string | undefined) =>
  r ? tDynamic(`reason.${r}`, t("reason.unknown")) : t("reason.unknown");

export function capitalise(s: string): string {
  return s.length ? s.charAt(0).toLocaleUpperCase(locale()) + s.slice(1) : s;
}

// ---------------------------------------------------------------- errors

function joinList(items: string[]): string {
  try {
    return new Intl.ListFormat(locale(), { style: "long", type: "conjunction" }).format(items);
  } catch {
    if (items.length <= 1) return items.join("");
    const and = current === "it" ? " e " : " and ";
    return items.slice(0, -1).join(", ") + and + items[items.length - 1];
  }
}

/** "Questo membro non può essere eliminato: ha 3 persone e partecipa a 1 missione." */
export function referencedMessage(err: AppError): string {
  const refs = (err.references ?? []).filter((r) => r.count > 0);
  const deleted = err.entity ?? "";
  if (refs.length === 0) return t("error.referenced_generic");
  const parts = refs.map((r) => {
    const n = r.count;
    const suffix = n === 1 ? "one" : "other";
    const params = { n, entity: entityLabel(r.entity) };
    const specific = `ref.${deleted}.${r.entity}.${suffix}`;
    if (hasKey(specific)) return t(specific, params);
    const general = `ref.${r.entity}.${suffix}`;
    if (hasKey(general)) return t(general, params);
    return t(n === 1 ? "ref.other.one" : "ref.other.other", params);
  });
  const intro = hasKey(`ref.intro.${deleted}`) ? (`ref.intro.${deleted}` as Key) : "ref.intro.other";
  return t(intro, { list: joinList(parts) });
}

/** The user's-language message for an error, chosen from code / field / reason / entity. */
export function errorMessage(err: AppError): string {
  switch (err.code) {
    case "not_found":
      return err.entity
        ? t("error.not_found", { entity: entityLabel(err.entity) })
        : t("error.not_found_generic");
    case "invalid":
      return err.field
        ? t("error.invalid", { field: fieldLabel(err.field), reason: reasonText(err.reason) })
        : t("error.invalid_generic", { reason: reasonText(err.reason) });
    case "conflict":
      return err.field ? t("error.conflict", { field: fieldLabel(err.field) }) : t("error.conflict_generic");
    case "referenced":
      return referencedMessage(err);
    case "storage":
      return t("error.storage");
    case "io":
      return t("error.io");
    case "schema_too_new":
      return t("error.schema_too_new");
    default:
      return t("error.unknown");
  }
}

// ---------------------------------------------------------------- formatting

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function dtf(options: Intl.DateTimeFormatOptions, loc = locale()): Intl.DateTimeFormat {
  const key = loc + JSON.stringify(options);
  let f = formatterCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(loc, options);
    formatterCache.set(key, f);
  }
  return f;
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

/** A YYYY-MM-DD calendar date as a Date at UTC midnight, or null. */
export function parseYmd(ymd: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "14 apr 2025" / "14 Apr 2025" for a YYYY-MM-DD date. */
export function formatDate(ymd: string): string {
  const d = parseYmd(ymd);
  if (!d) return ymd;
  return dtf({ day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(d);
}

/** "12–16 mag 2025" for a date range. */
export function formatDateRange(from: string, to: string): string {
  const a = parseYmd(from);
  const b = parseYmd(to);
  if (!a && !b) return "";
  if (!a) return formatDate(to);
  if (!b) return formatDate(from);
  const f = dtf({ day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  try {
    return f.formatRange(a, b);
  } catch {
    return `${f.format(a)} – ${f.format(b)}`;
  }
}

/** Number of calendar days of a range, inclusive. */
export function daysInRange(from: string, to: string): number | null {
  const a = parseYmd(from);
  const b = parseYmd(to);
  if (!a || !b) return null;
  return Math.round((b.getTime() - a.getTime()) / 86_400_000) + 1;
}

/** A timestamp (RFC 3339) in the user's locale and local zone. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dtf({ dateStyle: "medium", timeStyle: "short" }).format(d);
}

const zoneValidity = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  let ok = zoneValidity.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat("en-GB", { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    zoneValidity.set(zone, ok);
  }
  return ok;
}

/** "10:00" in the given zone (24-hour clock in both locales). */
export function formatTime(iso: string, zone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const options: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  if (isValidTimeZone(zone)) options.timeZone = zone;
  return dtf(options).format(d);
}

/** The calendar day of an instant in a zone, as YYYY-MM-DD (for grouping). */
export function dayKey(iso: string, zone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const options: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };
  if (isValidTimeZone(zone)) options.timeZone = zone;
  const parts = dtf(options, "en-CA").formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** "lunedì 12 maggio 2025" for a YYYY-MM-DD day. */
export function formatLongDay(ymd: string): string {
  const d = parseYmd(ymd);
  if (!d) return ymd;
  return capitalise(
    dtf({ weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(d),
  );
}

/** "Tue 13 May" for an instant in a zone. */
export function formatShortDay(iso: string, zone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const options: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", year: "numeric" };
  if (isValidTimeZone(zone)) options.timeZone = zone;
  return dtf(options).format(d);
}

const ITALIAN_CITY_NAMES: Record<string, string> = {
  Rome: "Roma",
  London: "Londra",
  Paris: "Parigi",
  Berlin: "Berlino",
  Brussels: "Bruxelles",
  Zurich: "Zurigo",
  Lisbon: "Lisbona",
  Copenhagen: "Copenaghen",
  Stockholm: "Stoccolma",
  Vienna: "Vienna",
  Warsaw: "Varsavia",
  Athens: "Atene",
  Moscow: "Mosca",
  Istanbul: "Istanbul",
  Dubai: "Dubai",
  Singapore: "Singapore",
  Seoul: "Seul",
  Shanghai: "Shanghai",
  "Hong Kong": "Hong Kong",
  "New York": "New York",
  "Sao Paulo": "San Paolo",
  "Mexico City": "Città del Messico",
  Cairo: "Il Cairo",
  Tokyo: "Tokyo",
};

/** A short place name for an IANA zone: "Asia/Tokyo" → "Tokyo", "Europe/Rome" → "Roma" in Italian. */
export function zoneCity(zone: string): string {
  if (!zone) return "";
  const last = zone.split("/").pop() ?? zone;
  const city = last.replace(/_/g, " ");
  if (current === "it" && ITALIAN_CITY_NAMES[city]) return ITALIAN_CITY_NAMES[city];
  return city;
}

/** The current UTC offset of a zone, e.g. "GMT+9". */
export function zoneOffset(zone: string, at: Date = new Date()): string {
  if (!isValidTimeZone(zone)) return "";
  try {
    const parts = dtf({ timeZone: zone, timeZoneName: "shortOffset" }, "en-GB").formatToParts(at);
    return parts.find((p) => p.type === "timeZoneName")?.value ?? "";
  } catch {
    return "";
  }
}

/** The country name for an ISO 3166 alpha-2 code, or the text itself. */
export function countryName(code: string): string {
  if (!code) return "";
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  try {
    return new Intl.DisplayNames([locale()], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** The language name for a BCP 47 code ("ja" → "giapponese"), or the text itself. */
export function languageName(code: string): string {
  if (!code) return "";
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(code)) return code;
  try {
    const name = new Intl.DisplayNames([locale()], { type: "language" }).of(code);
    return name ? capitalise(name) : code;
  } catch {
    return code;
  }
}

/** Today's local date as YYYY-MM-DD. */
export function todayYmd(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Lower-case, accent-free text for filtering ("Università" matches "univ"). */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** Collator for sorting names in the user's language. */
export function compareText(a: string, b: string): number {
  return a.localeCompare(b, locale(), { sensitivity: "base", numeric: true });
}
