// All UI text in Italian and English, plus the locale-aware formatting helpers.
// The two dictionaries have exactly the same keys (the compiler checks it).

import type {
  AgreementKind,
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
  "reason.time": "orario inesistente in quel fuso orario (es. cambio dell'ora legale) o non valido",
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
  "agreementKind.mou": "Protocollo d'intesa (MoU)",
  "agreementKind.research": "Collaborazione di ricerca",
  "agreementKind.pilot": "Progetto pilota",
  "agreementKind.commercial": "Accordo commerciale",
  "agreementKind.other": "Altro",
  "agreementKind.none": "Tipo non indicato",

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

  "nav.followUps": "Follow-up",

  "action.remove": "Rimuovi",
  "action.removing": "Rimozione…",
  "notice.removed": "Rimosso",
  "notice.exported": "Calendario salvato in {path}",
  "confirm.bodyMeeting": "L'incontro {name} sarà eliminato definitivamente, con i suoi follow-up.",

  "reason.control_characters": "il testo contiene caratteri non ammessi",

  "field.date": "Data",
  "field.startsTime": "Ora di inizio",
  "field.endsTime": "Ora di fine",
  "field.endsDate": "Data di fine",
  "field.duration": "Durata",
  "field.interest": "Interesse",
  "field.agreementStarted": "Avviato un accordo",
  "field.agreementKind": "Tipo di accordo",
  "field.startsLocal": "Inizio",
  "field.endsLocal": "Fine",
  "field.place": "Luogo",
  "field.outcome": "Esito",
  "field.what": "Cosa fare",
  "field.dueOn": "Scadenza",
  "field.organisationName": "Organizzazione",
  "field.personId": "Persona",
  "field.delegateRole": "Ruolo nella delegazione",
  "field.arrivesOn": "Arrivo",
  "field.departsOn": "Partenza",
  "field.needs": "Esigenze",
  "field.needsHint": "Es. interprete, visto, esigenze alimentari",
  "field.key": "Chiave",
  "field.body": "Contenuto",

  "col.mission": "Missione",
  "col.owner": "Responsabile",
  "col.contact": "Contatto",
  "col.due": "Scadenza",
  "col.followUp": "Follow-up",
  "col.stay": "Permanenza",
  "col.needs": "Esigenze",

  "interest.none": "Non indicato",

  "needs.interpreter": "Interprete",
  "needs.visa": "Visto",
  "needs.hotel": "Alloggio",
  "needs.diet": "Esigenze alimentari",
  "needs.access": "Accessibilità",

  "dashboard.today": "Oggi",
  "dashboard.todayAt": "Oggi a {place}",
  "dashboard.fullAgenda": "Agenda completa",
  "dashboard.noActiveMission": "Nessuna missione in corso oggi.",
  "dashboard.nothingToday": "Nessun impegno in agenda oggi.",
  "dashboard.overdue": "Follow-up scaduti",
  "dashboard.noOverdue": "Nessun follow-up scaduto.",
  "dashboard.allFollowUps": "Tutti i follow-up",
  "dashboard.recent": "Incontri registrati di recente",
  "dashboard.noRecent": "Nessun incontro registrato.",
  "dashboard.upcoming": "Missioni in arrivo",
  "dashboard.noUpcoming": "Nessuna missione in programma.",
  "dashboard.underWay": "in corso",

  "mission.overview": "Panoramica",
  "mission.sections": "Sezioni della missione",
  "mission.figures": "Numeri della missione",
  "figure.members": "Membri",
  "figure.delegates": "Delegati",
  "figure.meetingsPlanned": "Incontri pianificati",
  "figure.meetingsHeld": "Incontri svolti",
  "figure.contactsMet": "Contatti incontrati",
  "figure.openFollowUps": "Follow-up aperti",

  "delegation.addMember": "Aggiungi membro",
  "delegation.chooseMember": "— scegli un membro —",
  "delegation.noMoreMembers": "Tutti i membri fanno già parte della missione.",
  "delegation.choosePerson": "— scegli una persona —",
  "delegation.addDelegateTo": "Aggiungi un delegato di {name}",
  "delegation.noPeopleLeft": "Non ci sono altre persone di {name} da aggiungere. Registrale nella scheda del membro.",
  "delegation.openMember": "Apri la scheda del membro",
  "delegation.memberStatus": "Stato di {name}",
  "delegation.delegateStatus": "Stato di {name}",
  "delegation.removeMemberTitle": "Rimuovere «{name}» dalla missione?",
  "delegation.removeMemberBody.one": "Anche il suo delegato lascerà la delegazione. Gli incontri a cui ha partecipato restano invariati.",
  "delegation.removeMemberBody.other": "Anche i suoi {n} delegati lasceranno la delegazione. Gli incontri a cui hanno partecipato restano invariati.",
  "delegation.removeDelegateTitle": "Rimuovere «{name}» dalla delegazione?",
  "delegation.filterLabel": "Filtra per stato",
  "delegation.all": "Tutti",
  "delegation.membersCount.one": "{n} membro",
  "delegation.membersCount.other": "{n} membri",
  "delegation.delegatesCount.one": "{n} delegato",
  "delegation.delegatesCount.other": "{n} delegati",
  "delegation.membersWithStatus.one": "{n} membro {status}",
  "delegation.membersWithStatus.other": "{n} membri con stato «{status}»",
  "delegation.noneWithStatus": "Nessun membro o delegato con questo stato.",
  "delegation.from": "dal {date}",
  "delegation.until": "fino al {date}",

  "agenda.addItem": "Aggiungi impegno",
  "agenda.newItem": "Nuovo impegno in agenda",
  "agenda.editItem": "Modifica impegno",
  "agenda.addOnDay": "Aggiungi",
  "agenda.nothingPlanned": "Nessun impegno.",
  "agenda.today": "Oggi",
  "agenda.exportIcs": "Esporta calendario (.ics)",
  "agenda.exportForLabel": "Calendario di un delegato",
  "agenda.chooseDelegate": "Calendario di…",
  "agenda.exportDelegate": "Esporta",
  "agenda.exportFor": "Esporta il calendario di {name} (.ics)",
  "agenda.print": "Stampa agenda",
  "agenda.clash": "Sovrapposizione: {names} anche in",
  "agenda.logThis": "Registra questo incontro",
  "agenda.logShort": "Registra",
  "agenda.markHeld": "Segna svolto",
  "agenda.markCancelled": "Segna annullato",
  "agenda.markPlanned": "Riporta a pianificato",

  "meetingForm.when": "Quando",
  "meetingForm.who": "Chi",
  "meetingForm.timesIn": "Orari di {zone}",
  "meetingForm.homeEquivalent": "a {city} le {time}",
  "meetingForm.noSuchTime": "questo orario non esiste in quel fuso (cambio dell'ora legale)",
  "meetingForm.duration": "Durata: {duration}",
  "meetingForm.delegatesPresent": "Delegati presenti",
  "meetingForm.contacts": "Interlocutori",
  "meetingForm.noPeople": "Nessuna persona registrata nei membri.",
  "meetingForm.showAllPeople": "Mostra tutte le persone dei membri",
  "meetingForm.onlyDelegation": "Mostra solo la delegazione",

  "meeting.edit": "Modifica incontro",
  "meeting.when": "Quando",
  "meeting.localTime": "Ora di {city}",
  "meeting.homeTime": "Ora di {city} (casa)",
  "meeting.notesOutcome": "Note ed esito",
  "meeting.delegates": "Delegati",
  "meeting.noDelegates": "Nessun delegato indicato.",
  "meeting.contacts": "Interlocutori",
  "meeting.noContacts": "Nessun interlocutore indicato.",
  "meeting.noFollowUps": "Nessun follow-up per questo incontro.",

  "contact.followUps": "Follow-up",
  "contact.followUpsTotal.one": "{n} in tutto",
  "contact.followUpsTotal.other": "{n} in tutto",
  "contact.noFollowUps": "Nessun follow-up con questo contatto.",

  "followUps.title": "Follow-up",
  "followUps.subtitle": "I prossimi passi nati dagli incontri, in tutte le missioni",
  "followUps.filters": "Filtri",
  "followUps.allMissions": "Tutte le missioni",
  "followUps.allMembers": "Tutti i membri",
  "followUps.allOwners": "Tutti i responsabili",
  "followUps.overdueOnly": "Solo scaduti",
  "followUps.includeDone": "Mostra anche quelli fatti",
  "followUps.empty": "Nessun follow-up aperto.",
  "followUps.emptyFiltered": "Nessun follow-up corrisponde ai filtri.",
  "followUp.done": "Fatto",
  "followUp.markDone": "Segna come fatto: {what}",
  "followUp.markOpen": "Segna come da fare: {what}",
  "followUp.overdue": "Scaduto",
  "followUp.noDue": "senza scadenza",
  "followUp.doneOn": "fatto il {date}",

  "picker.placeholder": "Cerca un contatto per nome o organizzazione…",
  "picker.options": "Contatti trovati",
  "picker.picked": "Contatti scelti",
  "picker.remove": "Togli {name}",
  "picker.create": "Crea il nuovo contatto «{text}»",
  "picker.noMatch": "Nessun contatto trovato",
  "picker.hint": "↑↓ per scegliere · Invio per aggiungere · Esc per chiudere",
  "picker.hintCreate": "↑↓ per scegliere · Invio per aggiungere o creare · Esc per chiudere",

  "log.open": "Registra incontro",
  "log.shortcut": "Registra un incontro (Ctrl+L)",
  "log.title": "Registra un incontro",
  "log.noMission": "— nessuna missione —",
  "log.who": "Chi",
  "log.stakeholders": "Interlocutori",
  "log.searchPlaceholder": "Digita un nome: Invio per aggiungerlo, o crealo se è nuovo…",
  "log.newContact": "Nuovo contatto",
  "log.removeNewContact": "Togli il nuovo contatto",
  "log.what": "Cosa e quando",
  "log.titlePlaceholder": "Es. Incontro con Takeda",
  "log.titleDefaultHint": "Se lasci vuoto, il titolo sarà quello suggerito.",
  "log.defaultTitle": "Incontro con {who}",
  "log.how": "Com'è andata",
  "log.followUps": "Follow-up",
  "log.followUpPlaceholder": "Es. inviare la presentazione",
  "log.addFollowUp": "Aggiungi un altro follow-up",
  "log.removeFollowUp": "Togli questo follow-up",
  "log.save": "Salva incontro",
  "log.keys": "Ctrl+Invio per salvare · Esc per chiudere",
  "log.draftRestored": "Bozza ripristinata (salvata {time}).",
  "log.draftAvailable": "C'è una bozza non salvata di un altro incontro.",
  "log.restoreDraft": "Riprendi la bozza",
  "log.discardDraft": "Scarta la bozza",
  "log.linkedItem": "Registri l'impegno in agenda «{title}».",
  "log.unlink": "Scollega",
  "log.offer": "In agenda adesso: «{title}» ({time}).",
  "log.useItem": "Registra questo impegno",
  "log.notThis": "No, un altro incontro",
  "log.closeTitle": "Chiudere la registrazione?",
  "log.closeBody": "Quello che hai scritto resta salvato come bozza e verrà riproposto la prossima volta.",
  "log.keepEditing": "Continua a scrivere",
  "log.closeKeepDraft": "Chiudi",

  "nav.import": "Importa",
  "action.export": "Esporta",
  "action.import": "Importa",
  "action.back": "Indietro",
  "export.title": "Esporta contatti",
  "export.count.one": "{n} contatto da esportare",
  "export.count.other": "{n} contatti da esportare",
  "export.counting": "Conteggio dei contatti…",
  "export.format": "Formato",
  "export.format.xlsx": "Excel (.xlsx)",
  "export.format.csv": "CSV per Excel",
  "export.format.csv-raw": "CSV grezzo (per importazioni automatiche, non per Excel)",
  "export.format.vcf": "vCard 3.0 (rubriche e telefoni)",
  "export.format.vcf4": "vCard 4.0",
  "export.format.google-csv": "CSV per Google Contatti",
  "export.format.outlook-csv": "CSV per Outlook",
  "export.formatHint.csv-raw": "Valori esattamente come salvati, separati da virgola, senza BOM: da dare a un altro programma, non da aprire in Excel (usa «CSV per Excel» o Excel).",
  "export.columns": "Colonne",
  "export.columnsHint": "Spunta le colonne da esportare e ordinale con le frecce; la scelta viene ricordata.",
  "export.moveUp": "Sposta su: {name}",
  "export.moveDown": "Sposta giù: {name}",
  "export.noColumns": "Scegli almeno una colonna.",
  "export.separator": "Separatore",
  "export.separator.semicolon": "Punto e virgola (;) — Excel in italiano",
  "export.separator.comma": "Virgola (,) — Excel in inglese",
  "export.oneFilePerContact": "Un file per contatto (in una cartella)",
  "export.run": "Esporta…",
  "export.running": "Esportazione…",
  "export.pack": "Pacchetto per i membri",
  "export.packHint": "Una cartella con, per ogni membro, i contatti incontrati e il report.",
  "export.missionContacts": "Esporta contatti",
  "notice.exportedContacts": "{n} contatti salvati in {path}",
  "notice.exportedFiles": "{n} contatti salvati in {count} file in {path}",
  "notice.packWritten": "Pacchetto salvato in {path}",
  "notice.reportSaved": "Report salvato in {path}",
  "notice.rejectedSaved": "Righe scartate salvate in {path}",
  "notice.importUndone": "Importazione annullata",
  "error.import": "Impossibile importare «{file}»: {problem}.",
  "error.import_row": "Impossibile importare «{file}», riga {row}: {problem}.",
  "error.export": "Impossibile scrivere il file esportato.",
  "error.no_font": "Nessun font installato copre il testo del PDF: installa il pacchetto fonts-noto-cjk o salva il report come HTML.",
  "importProblem.not_this_format": "il contenuto non corrisponde al tipo di file indicato dal nome",
  "importProblem.unknown_format": "non è un foglio di calcolo, una vCard né un file di testo",
  "importProblem.encrypted": "la cartella di lavoro è protetta da password; toglila in Excel e riprova",
  "importProblem.too_large": "il file contiene più dati di quanti Ponte ne possa importare in una volta: dividilo in file più piccoli",
  "importProblem.too_many_rows": "il file ha troppe righe (più di 1.000.000)",
  "importProblem.nul_byte": "contiene caratteri binari: non è un file di testo o è danneggiato",
  "importProblem.empty": "non ci sono intestazioni o righe da importare",
  "importProblem.no_such_sheet": "il foglio scelto non esiste nel file",
  "importProblem.unreadable": "il file è danneggiato e non può essere letto",
  "importProblem.already_undone": "questa importazione è già stata annullata",
  "importProblem.unknown": "il file non può essere letto",
  "report.open": "Report",
  "report.title": "Report: {title}",
  "report.print": "Stampa",
  "report.saveHtml": "Salva come HTML",
  "report.savePdf": "Salva come PDF",
  "report.saving": "Salvataggio…",
  "report.generated": "Generato il {date}",
  "report.objectives": "Obiettivi",
  "report.keyFigures": "Dati principali",
  "report.fig.members": "Membri",
  "report.fig.delegates": "Delegati",
  "report.fig.meetingsHeld": "Incontri svolti",
  "report.fig.meetingsPlanned": "Incontri pianificati",
  "report.fig.meetingsCancelled": "Incontri annullati",
  "report.fig.stakeholdersMet": "Interlocutori incontrati",
  "report.fig.organisationsMet": "Organizzazioni incontrate",
  "report.fig.countries": "Paesi",
  "report.fig.followUpsOpen": "Azioni aperte",
  "report.fig.followUpsDone": "Azioni completate",
  "report.delegation": "Delegazione",
  "report.byType": "Per tipo",
  "report.partners": "Partner",
  "report.programme": "Programma",
  "report.meetings": "Incontri",
  "report.byKind": "Per tipo di incontro",
  "report.byDay": "Per giorno",
  "report.byMember": "Per membro",
  "report.stakeholders": "Interlocutori",
  "report.byCountry": "Per paese",
  "report.byOrganisationType": "Per tipo di organizzazione",
  "report.interest": "Livello di interesse",
  "report.outcomes": "Risultati",
  "report.followUps": "Azioni successive",
  "report.what": "Cosa",
  "report.owner": "Responsabile",
  "report.due": "Scadenza",
  "report.done": "Fatta",
  "report.statusOpen": "Aperta",
  "report.none": "Nessun dato.",
  "report.with": "Con",
  "report.time": "Ora",
  "report.notRated": "Non valutato",
  "report.chart": "Grafico: {title}",
  "report.contacts": "Contatti",
  "report.fig.agreementsStarted": "Accordi avviati",
  "report.agreements": "Accordi avviati",
  "report.agreementsByKind": "Per tipo di accordo",
  "report.agreementStarted": "Accordo avviato",
  "report.by": "Da parte di",
  "report.timeline": "Cronologia",
  "import.title": "Importa contatti e partecipanti",
  "import.subtitle": "Da file CSV, Excel, OpenDocument o vCard: controlla le colonne e l'anteprima prima di importare.",
  "import.steps": "Passaggi dell'importazione",
  "import.step.file": "File",
  "import.step.mapping": "Colonne",
  "import.step.preview": "Anteprima",
  "import.step.done": "Importazione",
  "import.file": "File",
  "import.pick": "Scegli il file…",
  "import.noFile": "Nessun file scelto.",
  "import.kind": "Cosa importare",
  "import.kind.contacts": "Contatti esterni (con la loro organizzazione)",
  "import.kind.members": "Membri del cluster e le loro persone",
  "import.kind.participants": "Partecipanti a una missione (delegati)",
  "import.kindShort.contacts": "Contatti",
  "import.kindShort.members": "Membri",
  "import.kindShort.participants": "Partecipanti",
  "import.mission": "Missione",
  "import.chooseMission": "— scegli la missione —",
  "import.missionRequired": "Scegli la missione dei partecipanti.",
  "import.read": "Leggi il file",
  "import.reading": "Lettura…",
  "import.detected": "Come è stato letto il file",
  "import.format": "Formato",
  "import.format.csv": "CSV / testo",
  "import.format.xlsx": "Excel (.xlsx)",
  "import.format.xls": "Excel 97-2003 (.xls)",
  "import.format.ods": "OpenDocument (.ods)",
  "import.format.vcard": "vCard",
  "import.encoding": "Codifica",
  "import.encoding.utf8": "UTF-8",
  "import.encoding.utf8Bom": "UTF-8 con BOM",
  "import.encoding.utf16Le": "UTF-16 LE",
  "import.encoding.utf16Be": "UTF-16 BE",
  "import.encoding.windows1252": "Windows-1252 / Latin-1",
  "import.separator": "Separatore",
  "import.separator.comma": "Virgola (,)",
  "import.separator.semicolon": "Punto e virgola (;)",
  "import.separator.tab": "Tabulazione",
  "import.separator.pipe": "Barra verticale (|)",
  "import.sheet": "Foglio",
  "import.headerRow": "Riga delle intestazioni",
  "import.rowCount": "Righe di dati",
  "import.layout": "Schema riconosciuto",
  "import.layout.google_contacts": "Google Contatti",
  "import.layout.outlook": "Outlook",
  "import.layout.eventbrite": "Eventbrite",
  "import.layout.b2match": "b2match",
  "import.mappingSaved": "Corrispondenza ricordata dall'ultima importazione di un file con le stesse colonne.",
  "import.mapping": "Corrispondenza delle colonne",
  "import.mappingHint": "Per ogni colonna del file scegli il campo di Ponte; «Note» può essere scelto più volte.",
  "import.col.header": "Colonna del file",
  "import.col.sample": "Esempio",
  "import.col.field": "Campo in Ponte",
  "import.ignore": "— ignora —",
  "import.field.firstName": "Nome",
  "import.field.lastName": "Cognome",
  "import.field.fullName": "Nome e cognome",
  "import.field.firstNameReading": "Lettura del nome (kana)",
  "import.field.lastNameReading": "Lettura del cognome (kana)",
  "import.field.organisation": "Organizzazione / membro",
  "import.field.role": "Ruolo",
  "import.field.email": "Email",
  "import.field.phone": "Telefono",
  "import.field.country": "Paese",
  "import.field.city": "Città",
  "import.field.language": "Lingua",
  "import.field.website": "Sito web",
  "import.field.notes": "Note",
  "import.field.lawfulBasis": "Base giuridica",
  "import.field.lawfulBasisOn": "Base giuridica dal",
  "import.field.arrivesOn": "Arrivo",
  "import.field.departsOn": "Partenza",
  "import.toPreview": "Anteprima",
  "import.previewing": "Preparazione dell'anteprima…",
  "import.previewHint": "Sono mostrate le prime righe e tutte quelle con problemi o duplicati, come verranno salvate.",
  "import.counts": "Riepilogo dell'anteprima",
  "import.count.rows": "Righe",
  "import.count.create": "Da creare",
  "import.count.update": "Da aggiornare",
  "import.count.merge": "Da unire",
  "import.count.skip": "Da saltare",
  "import.count.reject": "Scartate",
  "import.count.warnings": "Avvisi",
  "import.preview.row": "Riga",
  "import.preview.action": "Esito",
  "import.preview.problems": "Problemi",
  "import.preview.duplicate": "Duplicato",
  "import.preview.reach": "Email e telefono",
  "import.action.create": "Nuovo",
  "import.action.update": "Aggiorna",
  "import.action.merge": "Unita a una riga precedente",
  "import.action.skip": "Saltata",
  "import.action.reject": "Scartata",
  "import.decision": "Decisione per la riga {row}",
  "import.decision.update": "Aggiorna l'esistente",
  "import.decision.keepBoth": "Tieni entrambi",
  "import.decision.skip": "Salta la riga",
  "import.dup.existing": "Già presente: {name} (stessa {by})",
  "import.dup.sameAsRow": "Come la riga {row} (stessa {by})",
  "import.dup.likely": "probabile",
  "import.matchedBy.email": "email",
  "import.matchedBy.phone": "telefono",
  "import.matchedBy.name": "nome e organizzazione",
  "import.issue.missing_name": "manca il nome",
  "import.issue.missing_organisation": "manca il membro/organizzazione",
  "import.issue.bad_email": "email non valida (tenuta nelle note)",
  "import.issue.bad_phone": "telefono non valido (tenuto nelle note)",
  "import.issue.bad_date": "data non valida (tenuta nelle note)",
  "import.issue.unknown_country": "paese non riconosciuto (tenuto nelle note)",
  "import.issue.unknown_lawful_basis": "base giuridica non riconosciuta",
  "import.issue.too_long": "testo troppo lungo (tenuto nelle note)",
  "import.issue.extra_cells": "celle in più (tenute nelle note)",
  "import.commit": "Importa",
  "import.committing": "Importazione in corso…",
  "import.progress": "{done} di {total} righe",
  "import.progressLabel": "Avanzamento dell'importazione",
  "import.summary": "Importazione completata: {file}",
  "import.sum.created": "Creati",
  "import.sum.updated": "Aggiornati",
  "import.sum.unchanged": "Invariati",
  "import.sum.skipped": "Saltati",
  "import.sum.rejected": "Scartati",
  "import.saveRejected": "Salva le righe scartate come CSV…",
  "import.another": "Importa un altro file",
  "import.history": "Cronologia delle importazioni",
  "import.historyEmpty": "Nessuna importazione finora.",
  "import.col.file": "File",
  "import.col.kind": "Tipo",
  "import.col.date": "Data",
  "import.col.state": "Stato",
  "import.undo": "Annulla",
  "import.undoLabel": "Annulla l'importazione di {file}",
  "import.undone": "Annullata il {date}",
  "import.active": "Attiva",
  "import.undoTitle": "Annullare l'importazione di «{file}»?",
  "import.undoBody": "Elementi creati da eliminare: {created}. Elementi aggiornati da ripristinare: {updated}. Non è possibile se i contatti o le persone create sono già stati usati in incontri.",
  "import.undoConfirm": "Annulla l'importazione",
  "import.undoing": "Annullamento…",
  "import.participantsOf": "Importa partecipanti",
  "error.locked": "L'area di lavoro è bloccata: inserisci la passphrase per continuare.",
  "error.wrong_passphrase": "Passphrase errata. Il file non è stato modificato: riprova.",
  "error.not_encrypted": "L'area di lavoro non è protetta da passphrase.",
  "reason.too_short": "troppo corto",
  "field.passphrase": "Passphrase",
  "unlock.title": "Area di lavoro protetta",
  "unlock.body": "Questa area di lavoro è cifrata. Inserisci la passphrase per aprirla.",
  "unlock.passphrase": "Passphrase",
  "unlock.submit": "Sblocca",
  "unlock.busy": "Apertura…",
  "unlock.empty": "Inserisci la passphrase.",
  "security.title": "Sicurezza",
  "security.plain": "L'area di lavoro non è cifrata: chi ha accesso al file può leggerne nomi, email e note.",
  "security.encrypted": "L'area di lavoro è cifrata con una passphrase.",
  "security.lockNow": "Blocca ora",
  "security.set": "Proteggi con passphrase",
  "security.change": "Cambia passphrase",
  "security.remove": "Rimuovi passphrase",
  "security.current": "Passphrase attuale",
  "security.new": "Nuova passphrase",
  "security.confirm": "Ripeti la nuova passphrase",
  "security.mismatch": "Le due passphrase non coincidono.",
  "security.tooShort": "Almeno {n} caratteri.",
  "security.warning": "Conserva la passphrase in un luogo sicuro: senza di essa i dati non si possono recuperare.",
  "security.working": "Conversione del file…",
  "security.setDone": "Area di lavoro cifrata",
  "security.changeDone": "Passphrase cambiata",
  "security.removeDone": "Passphrase rimossa: il file non è più cifrato",
  "security.removeTitle": "Rimuovere la passphrase?",
  "security.removeBody": "Il file dell'area di lavoro tornerà leggibile da chiunque vi abbia accesso.",
  "security.lockAfter": "Blocco automatico dopo inattività",
  "security.never": "Mai",
  "security.minutes.one": "{n} minuto",
  "security.minutes.other": "{n} minuti",
  "security.lockedNotice": "Area di lavoro bloccata",

  "field.retentionMonths": "Periodo di conservazione (mesi)",
  "privacy.accessHtml": "Richiesta di accesso (HTML)",
  "privacy.accessJson": "Richiesta di accesso (JSON)",
  "privacy.accessSaved": "Richiesta di accesso salvata in {path}",
  "privacy.saving": "Salvataggio…",
  "privacy.erase": "Cancella questa persona",
  "privacy.eraseConfirm": "Cancella definitivamente",
  "privacy.eraseTitle": "Cancellare {name}?",
  "privacy.eraseBody":
    "Tutti i dati personali di {name} saranno cancellati: la scheda, lo storico della base giuridica, le etichette, la cronologia delle importazioni e le bozze che la citano. Gli incontri a cui ha partecipato restano nelle statistiche, attribuiti a «Contatto cancellato», e nome, e-mail e telefono sono sostituiti nei loro testi. I backup fatti prima di oggi contengono ancora i suoi dati.",
  "privacy.erasing": "Cancellazione…",
  "privacy.erasedStandIn": "Segnaposto di un contatto cancellato: non contiene dati personali e serve solo a contare gli incontri.",
  "privacy.consentHistory": "Storico della base giuridica",
  "privacy.noHistory": "Nessuna modifica registrata.",
  "privacy.event.created": "Creato",
  "privacy.event.changed": "Modificato",
  "privacy.event.recorded": "Registrato",
  "notice.erased": "Dati personali cancellati",
  "notice.retentionConfirmed": "Conservazione confermata",
  "settings.privacy": "Dati personali (GDPR)",
  "settings.privacyHint": "I contatti non incontrati da più del periodo di conservazione vanno confermati o cancellati.",
  "settings.erasures": "Cancellazioni registrate",
  "retention.title": "Revisione della conservazione",
  "retention.open": "Apri la revisione della conservazione",
  "retention.intro": "Contatti non incontrati (né aggiunti) negli ultimi {months} mesi e non confermati da allora. Conserva chi serve ancora; cancella gli altri.",
  "retention.apply": "Applica e ricorda",
  "retention.empty": "Nessun contatto da rivedere.",
  "retention.col.contact": "Contatto",
  "retention.col.organisation": "Organizzazione",
  "retention.col.since": "Ultimo incontro",
  "retention.added": "aggiunto il {date}",
  "retention.keep": "Conserva",
  "retention.keepLabel": "Conserva {name}",
  "retention.eraseLabel": "Cancella {name}",
  "retention.erase": "Cancella",
  "retention.keepSelected": "Conserva i selezionati ({n})",
  "retention.select": "Seleziona {name}",
  "retention.selectAll": "Seleziona tutti",
  "backup.title": "Backup",
  "backup.now": "Esegui un backup ora",
  "backup.running": "Backup in corso…",
  "backup.done": "Backup eseguito",
  "backup.explain": "Ponte fa un backup prima di ogni importazione e di ogni aggiornamento, e uno al giorno mentre lo usi. I backup sono nella cartella {folder} e, se l'area di lavoro è protetta da una passphrase, sono cifrati con la stessa.",
  "backup.keep": "Backup da conservare",
  "backup.none": "Nessun backup finora.",
  "backup.col.date": "Data",
  "backup.col.reason": "Motivo",
  "backup.col.size": "Dimensione",
  "backup.col.flags": "Note",
  "backup.encrypted": "Cifrato",
  "backup.beforeErasure": "Precede una cancellazione",
  "backup.restore": "Ripristina…",
  "backup.restoreLabel": "Ripristina il backup del {date}",
  "backup.restoreTitle": "Ripristinare il backup del {date}?",
  "backup.restoring": "Ripristino in corso…",
  "backup.restoreConfirm": "Ripristina",
  "backup.restored": "Backup ripristinato",
  "backup.passphrase": "Passphrase del backup",
  "backup.open": "Apri",
  "backup.previewIntro": "Backup {reason}, {size}. Ultima modifica registrata: {newest}. Contiene:",
  "backup.holds.contacts": "{n} contatti",
  "backup.holds.organisations": "{n} organizzazioni",
  "backup.holds.members": "{n} soci",
  "backup.holds.missions": "{n} missioni",
  "backup.holds.meetings": "{n} incontri",
  "backup.tooNew": "Questo backup è stato creato da una versione più recente di Ponte e non può essere ripristinato qui: aggiorna Ponte.",
  "backup.erasureWarning": "Questo backup precede l'ultima cancellazione di dati personali: ripristinandolo, le persone cancellate tornerebbero nell'area di lavoro.",
  "backup.restoreNote": "Lo stato attuale dell'area di lavoro viene prima salvato in un nuovo backup («prima del ripristino»), quindi nulla va perso: puoi tornare indietro in qualsiasi momento.",
  "backup.reason.before_import": "prima di un'importazione",
  "backup.reason.before_migration": "prima di un aggiornamento",
  "backup.reason.daily": "giornaliero",
  "backup.reason.manual": "manuale",
  "backup.reason.before_restore": "prima del ripristino",
  "error.disk_full": "Il disco è pieno: libera spazio e riprova. Nessun dato è stato modificato.",
  "error.read_only": "L'area di lavoro o la cartella dei backup è in sola lettura: nessuna modifica può essere salvata.",
  "error.busy": "L'area di lavoro è occupata da un altro programma (un'altra copia di Ponte?). Riprova tra poco: nessun dato è andato perso.",
  "error.cannot_open": "Impossibile aprire il file dell'area di lavoro: controlla che la cartella esista e sia accessibile.",
  "error.not_a_workspace": "Il file non è un'area di lavoro di Ponte.",
  "error.in_use": "Questa area di lavoro è aperta in un'altra finestra di Ponte.",
  "error.backup_damaged": "Il backup è danneggiato e non può essere ripristinato. L'area di lavoro non è stata modificata.",
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
  "reason.time": "this time does not exist in that time zone (e.g. daylight-saving change) or is not valid",
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
  "agreementKind.mou": "Memorandum of understanding",
  "agreementKind.research": "Research collaboration",
  "agreementKind.pilot": "Pilot",
  "agreementKind.commercial": "Commercial agreement",
  "agreementKind.other": "Other",
  "agreementKind.none": "Kind not stated",

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

  "nav.followUps": "Follow-ups",

  "action.remove": "Remove",
  "action.removing": "Removing…",
  "notice.removed": "Removed",
  "notice.exported": "Calendar saved to {path}",
  "confirm.bodyMeeting": "The meeting {name} will be deleted for good, with its follow-ups.",

  "reason.control_characters": "the text contains characters that are not allowed",

  "field.date": "Date",
  "field.startsTime": "Start time",
  "field.endsTime": "End time",
  "field.endsDate": "End date",
  "field.duration": "Duration",
  "field.interest": "Interest",
  "field.agreementStarted": "An agreement was started",
  "field.agreementKind": "Kind of agreement",
  "field.startsLocal": "Start",
  "field.endsLocal": "End",
  "field.place": "Place",
  "field.outcome": "Outcome",
  "field.what": "What to do",
  "field.dueOn": "Due date",
  "field.organisationName": "Organisation",
  "field.personId": "Person",
  "field.delegateRole": "Role in the delegation",
  "field.arrivesOn": "Arrival",
  "field.departsOn": "Departure",
  "field.needs": "Needs",
  "field.needsHint": "E.g. interpreter, visa, dietary needs",
  "field.key": "Key",
  "field.body": "Content",

  "col.mission": "Mission",
  "col.owner": "Owner",
  "col.contact": "Contact",
  "col.due": "Due",
  "col.followUp": "Follow-up",
  "col.stay": "Stay",
  "col.needs": "Needs",

  "interest.none": "Not stated",

  "needs.interpreter": "Interpreter",
  "needs.visa": "Visa",
  "needs.hotel": "Accommodation",
  "needs.diet": "Dietary needs",
  "needs.access": "Accessibility",

  "dashboard.today": "Today",
  "dashboard.todayAt": "Today in {place}",
  "dashboard.fullAgenda": "Full agenda",
  "dashboard.noActiveMission": "No mission under way today.",
  "dashboard.nothingToday": "Nothing on the agenda today.",
  "dashboard.overdue": "Overdue follow-ups",
  "dashboard.noOverdue": "No overdue follow-ups.",
  "dashboard.allFollowUps": "All follow-ups",
  "dashboard.recent": "Recently logged meetings",
  "dashboard.noRecent": "No meetings logged yet.",
  "dashboard.upcoming": "Upcoming missions",
  "dashboard.noUpcoming": "No missions coming up.",
  "dashboard.underWay": "under way",

  "mission.overview": "Overview",
  "mission.sections": "Mission sections",
  "mission.figures": "Mission figures",
  "figure.members": "Members",
  "figure.delegates": "Delegates",
  "figure.meetingsPlanned": "Meetings planned",
  "figure.meetingsHeld": "Meetings held",
  "figure.contactsMet": "Contacts met",
  "figure.openFollowUps": "Open follow-ups",

  "delegation.addMember": "Add member",
  "delegation.chooseMember": "— choose a member —",
  "delegation.noMoreMembers": "Every member is already in the mission.",
  "delegation.choosePerson": "— choose a person —",
  "delegation.addDelegateTo": "Add a delegate of {name}",
  "delegation.noPeopleLeft": "There are no more people of {name} to add. Record them on the member's page.",
  "delegation.openMember": "Open the member's page",
  "delegation.memberStatus": "Status of {name}",
  "delegation.delegateStatus": "Status of {name}",
  "delegation.removeMemberTitle": "Remove “{name}” from the mission?",
  "delegation.removeMemberBody.one": "Its delegate leaves the delegation too. Meetings they attended stay as they are.",
  "delegation.removeMemberBody.other": "Its {n} delegates leave the delegation too. Meetings they attended stay as they are.",
  "delegation.removeDelegateTitle": "Remove “{name}” from the delegation?",
  "delegation.filterLabel": "Filter by status",
  "delegation.all": "All",
  "delegation.membersCount.one": "{n} member",
  "delegation.membersCount.other": "{n} members",
  "delegation.delegatesCount.one": "{n} delegate",
  "delegation.delegatesCount.other": "{n} delegates",
  "delegation.membersWithStatus.one": "{n} member {status}",
  "delegation.membersWithStatus.other": "{n} members {status}",
  "delegation.noneWithStatus": "No member or delegate with this status.",
  "delegation.from": "from {date}",
  "delegation.until": "until {date}",

  "agenda.addItem": "Add item",
  "agenda.newItem": "New agenda item",
  "agenda.editItem": "Edit agenda item",
  "agenda.addOnDay": "Add",
  "agenda.nothingPlanned": "Nothing planned.",
  "agenda.today": "Today",
  "agenda.exportIcs": "Export calendar (.ics)",
  "agenda.exportForLabel": "A delegate's calendar",
  "agenda.chooseDelegate": "Calendar of…",
  "agenda.exportDelegate": "Export",
  "agenda.exportFor": "Export {name}'s calendar (.ics)",
  "agenda.print": "Print agenda",
  "agenda.clash": "Clash: {names} also in",
  "agenda.logThis": "Log this meeting",
  "agenda.logShort": "Log",
  "agenda.markHeld": "Mark held",
  "agenda.markCancelled": "Mark cancelled",
  "agenda.markPlanned": "Back to planned",

  "meetingForm.when": "When",
  "meetingForm.who": "Who",
  "meetingForm.timesIn": "Times in {zone}",
  "meetingForm.homeEquivalent": "{time} in {city}",
  "meetingForm.noSuchTime": "this time does not exist in that zone (daylight-saving change)",
  "meetingForm.duration": "Duration: {duration}",
  "meetingForm.delegatesPresent": "Delegates present",
  "meetingForm.contacts": "Stakeholders",
  "meetingForm.noPeople": "No people recorded for the members.",
  "meetingForm.showAllPeople": "Show every member's people",
  "meetingForm.onlyDelegation": "Show the delegation only",

  "meeting.edit": "Edit meeting",
  "meeting.when": "When",
  "meeting.localTime": "Time in {city}",
  "meeting.homeTime": "Time in {city} (home)",
  "meeting.notesOutcome": "Notes and outcome",
  "meeting.delegates": "Delegates",
  "meeting.noDelegates": "No delegates recorded.",
  "meeting.contacts": "Stakeholders",
  "meeting.noContacts": "No stakeholders recorded.",
  "meeting.noFollowUps": "No follow-ups for this meeting.",

  "contact.followUps": "Follow-ups",
  "contact.followUpsTotal.one": "{n} in all",
  "contact.followUpsTotal.other": "{n} in all",
  "contact.noFollowUps": "No follow-ups with this contact.",

  "followUps.title": "Follow-ups",
  "followUps.subtitle": "The next steps that came out of meetings, across missions",
  "followUps.filters": "Filters",
  "followUps.allMissions": "All missions",
  "followUps.allMembers": "All members",
  "followUps.allOwners": "All owners",
  "followUps.overdueOnly": "Overdue only",
  "followUps.includeDone": "Include done",
  "followUps.empty": "No open follow-ups.",
  "followUps.emptyFiltered": "No follow-ups match the filters.",
  "followUp.done": "Done",
  "followUp.markDone": "Mark as done: {what}",
  "followUp.markOpen": "Mark as to do: {what}",
  "followUp.overdue": "Overdue",
  "followUp.noDue": "no due date",
  "followUp.doneOn": "done on {date}",

  "picker.placeholder": "Search a contact by name or organisation…",
  "picker.options": "Contacts found",
  "picker.picked": "Chosen contacts",
  "picker.remove": "Remove {name}",
  "picker.create": "Create the new contact “{text}”",
  "picker.noMatch": "No contact found",
  "picker.hint": "↑↓ to choose · Enter to add · Esc to close",
  "picker.hintCreate": "↑↓ to choose · Enter to add or create · Esc to close",

  "log.open": "Log meeting",
  "log.shortcut": "Log a meeting (Ctrl+L)",
  "log.title": "Log a meeting",
  "log.noMission": "— no mission —",
  "log.who": "Who",
  "log.stakeholders": "Stakeholders",
  "log.searchPlaceholder": "Type a name: Enter adds it, or creates it if new…",
  "log.newContact": "New contact",
  "log.removeNewContact": "Remove the new contact",
  "log.what": "What and when",
  "log.titlePlaceholder": "E.g. Meeting with Takeda",
  "log.titleDefaultHint": "Left empty, the title is the one suggested.",
  "log.defaultTitle": "Meeting with {who}",
  "log.how": "How it went",
  "log.followUps": "Follow-ups",
  "log.followUpPlaceholder": "E.g. send the presentation",
  "log.addFollowUp": "Add another follow-up",
  "log.removeFollowUp": "Remove this follow-up",
  "log.save": "Save meeting",
  "log.keys": "Ctrl+Enter to save · Esc to close",
  "log.draftRestored": "Draft restored (saved {time}).",
  "log.draftAvailable": "There is an unsaved draft of another meeting.",
  "log.restoreDraft": "Restore the draft",
  "log.discardDraft": "Discard draft",
  "log.linkedItem": "Logging the agenda item “{title}”.",
  "log.unlink": "Unlink",
  "log.offer": "On the agenda now: “{title}” ({time}).",
  "log.useItem": "Log this item",
  "log.notThis": "No, another meeting",
  "log.closeTitle": "Close the meeting log?",
  "log.closeBody": "What you typed stays saved as a draft and comes back next time.",
  "log.keepEditing": "Keep editing",
  "log.closeKeepDraft": "Close",

  "nav.import": "Import",
  "action.export": "Export",
  "action.import": "Import",
  "action.back": "Back",
  "export.title": "Export contacts",
  "export.count.one": "{n} contact to export",
  "export.count.other": "{n} contacts to export",
  "export.counting": "Counting contacts…",
  "export.format": "Format",
  "export.format.xlsx": "Excel (.xlsx)",
  "export.format.csv": "CSV for Excel",
  "export.format.csv-raw": "CSV (raw) — for machine imports, not for Excel",
  "export.format.vcf": "vCard 3.0 (address books, phones)",
  "export.format.vcf4": "vCard 4.0",
  "export.format.google-csv": "CSV for Google Contacts",
  "export.format.outlook-csv": "CSV for Outlook",
  "export.formatHint.csv-raw": "Values exactly as stored, comma-separated, no BOM: for another program to read, not to open in Excel (use “CSV for Excel” or Excel instead).",
  "export.columns": "Columns",
  "export.columnsHint": "Tick the columns to export and order them with the arrows; the choice is remembered.",
  "export.moveUp": "Move up: {name}",
  "export.moveDown": "Move down: {name}",
  "export.noColumns": "Choose at least one column.",
  "export.separator": "Separator",
  "export.separator.semicolon": "Semicolon (;) — Excel in Italian",
  "export.separator.comma": "Comma (,) — Excel in English",
  "export.oneFilePerContact": "One file per contact (in a folder)",
  "export.run": "Export…",
  "export.running": "Exporting…",
  "export.pack": "Pack for the members",
  "export.packHint": "A folder with, for each member, the contacts met and the report.",
  "export.missionContacts": "Export contacts",
  "notice.exportedContacts": "{n} contacts saved to {path}",
  "notice.exportedFiles": "{n} contacts saved as {count} files in {path}",
  "notice.packWritten": "Pack saved to {path}",
  "notice.reportSaved": "Report saved to {path}",
  "notice.rejectedSaved": "Rejected rows saved to {path}",
  "notice.importUndone": "Import undone",
  "error.import": "Cannot import “{file}”: {problem}.",
  "error.import_row": "Cannot import “{file}”, row {row}: {problem}.",
  "error.export": "The exported file could not be written.",
  "error.no_font": "No installed font covers the text of the PDF: install the fonts-noto-cjk package or save the report as HTML.",
  "importProblem.not_this_format": "its content is not the kind of file its name says",
  "importProblem.unknown_format": "it is neither a spreadsheet, a vCard nor a text file",
  "importProblem.encrypted": "the workbook is password-protected; remove the password in Excel and try again",
  "importProblem.too_large": "the file holds more than Ponte can import at once: split it into smaller files",
  "importProblem.too_many_rows": "the file has too many rows (over 1,000,000)",
  "importProblem.nul_byte": "it holds binary characters: not a text file, or a broken export",
  "importProblem.empty": "there is no header row or no rows to import",
  "importProblem.no_such_sheet": "the chosen sheet is not in the file",
  "importProblem.unreadable": "the file is damaged and cannot be read",
  "importProblem.already_undone": "this import was already undone",
  "importProblem.unknown": "the file cannot be read",
  "report.open": "Report",
  "report.title": "Report: {title}",
  "report.print": "Print",
  "report.saveHtml": "Save as HTML",
  "report.savePdf": "Save as PDF",
  "report.saving": "Saving…",
  "report.generated": "Generated on {date}",
  "report.objectives": "Objectives",
  "report.keyFigures": "Key figures",
  "report.fig.members": "Members",
  "report.fig.delegates": "Delegates",
  "report.fig.meetingsHeld": "Meetings held",
  "report.fig.meetingsPlanned": "Meetings planned",
  "report.fig.meetingsCancelled": "Meetings cancelled",
  "report.fig.stakeholdersMet": "Stakeholders met",
  "report.fig.organisationsMet": "Organisations met",
  "report.fig.countries": "Countries",
  "report.fig.followUpsOpen": "Open follow-ups",
  "report.fig.followUpsDone": "Follow-ups done",
  "report.delegation": "Delegation",
  "report.byType": "By type",
  "report.partners": "Partners",
  "report.programme": "Programme",
  "report.meetings": "Meetings",
  "report.byKind": "By kind",
  "report.byDay": "By day",
  "report.byMember": "By member",
  "report.stakeholders": "Stakeholders",
  "report.byCountry": "By country",
  "report.byOrganisationType": "By organisation type",
  "report.interest": "Interest levels",
  "report.outcomes": "Outcomes",
  "report.followUps": "Follow-ups",
  "report.what": "What",
  "report.owner": "Owner",
  "report.due": "Due",
  "report.done": "Done",
  "report.statusOpen": "Open",
  "report.none": "No data.",
  "report.with": "With",
  "report.time": "Time",
  "report.notRated": "Not rated",
  "report.chart": "Chart: {title}",
  "report.contacts": "Contacts",
  "report.fig.agreementsStarted": "Agreements started",
  "report.agreements": "Agreements started",
  "report.agreementsByKind": "By kind of agreement",
  "report.agreementStarted": "Agreement started",
  "report.by": "By",
  "report.timeline": "Timeline",
  "import.title": "Import contacts and participants",
  "import.subtitle": "From CSV, Excel, OpenDocument or vCard files: check the columns and the preview before importing.",
  "import.steps": "Import steps",
  "import.step.file": "File",
  "import.step.mapping": "Columns",
  "import.step.preview": "Preview",
  "import.step.done": "Import",
  "import.file": "File",
  "import.pick": "Choose the file…",
  "import.noFile": "No file chosen.",
  "import.kind": "What to import",
  "import.kind.contacts": "External contacts (with their organisation)",
  "import.kind.members": "Cluster members and their people",
  "import.kind.participants": "Participants in a mission (delegates)",
  "import.kindShort.contacts": "Contacts",
  "import.kindShort.members": "Members",
  "import.kindShort.participants": "Participants",
  "import.mission": "Mission",
  "import.chooseMission": "— choose the mission —",
  "import.missionRequired": "Choose the participants' mission.",
  "import.read": "Read the file",
  "import.reading": "Reading…",
  "import.detected": "How the file was read",
  "import.format": "Format",
  "import.format.csv": "CSV / text",
  "import.format.xlsx": "Excel (.xlsx)",
  "import.format.xls": "Excel 97-2003 (.xls)",
  "import.format.ods": "OpenDocument (.ods)",
  "import.format.vcard": "vCard",
  "import.encoding": "Encoding",
  "import.encoding.utf8": "UTF-8",
  "import.encoding.utf8Bom": "UTF-8 with BOM",
  "import.encoding.utf16Le": "UTF-16 LE",
  "import.encoding.utf16Be": "UTF-16 BE",
  "import.encoding.windows1252": "Windows-1252 / Latin-1",
  "import.separator": "Separator",
  "import.separator.comma": "Comma (,)",
  "import.separator.semicolon": "Semicolon (;)",
  "import.separator.tab": "Tab",
  "import.separator.pipe": "Pipe (|)",
  "import.sheet": "Sheet",
  "import.headerRow": "Header row",
  "import.rowCount": "Data rows",
  "import.layout": "Layout recognised",
  "import.layout.google_contacts": "Google Contacts",
  "import.layout.outlook": "Outlook",
  "import.layout.eventbrite": "Eventbrite",
  "import.layout.b2match": "b2match",
  "import.mappingSaved": "Mapping remembered from the last import of a file with the same columns.",
  "import.mapping": "Column mapping",
  "import.mappingHint": "For each column of the file choose the Ponte field; “Notes” may be chosen several times.",
  "import.col.header": "Column of the file",
  "import.col.sample": "Sample",
  "import.col.field": "Ponte field",
  "import.ignore": "— ignore —",
  "import.field.firstName": "First name",
  "import.field.lastName": "Last name",
  "import.field.fullName": "Full name",
  "import.field.firstNameReading": "First name reading (kana)",
  "import.field.lastNameReading": "Last name reading (kana)",
  "import.field.organisation": "Organisation / member",
  "import.field.role": "Role",
  "import.field.email": "Email",
  "import.field.phone": "Phone",
  "import.field.country": "Country",
  "import.field.city": "City",
  "import.field.language": "Language",
  "import.field.website": "Website",
  "import.field.notes": "Notes",
  "import.field.lawfulBasis": "Lawful basis",
  "import.field.lawfulBasisOn": "Lawful basis since",
  "import.field.arrivesOn": "Arrives on",
  "import.field.departsOn": "Departs on",
  "import.toPreview": "Preview",
  "import.previewing": "Preparing the preview…",
  "import.previewHint": "The first rows and every row with a problem or duplicate are shown, as they will be stored.",
  "import.counts": "Preview totals",
  "import.count.rows": "Rows",
  "import.count.create": "To create",
  "import.count.update": "To update",
  "import.count.merge": "To merge",
  "import.count.skip": "To skip",
  "import.count.reject": "Rejected",
  "import.count.warnings": "Warnings",
  "import.preview.row": "Row",
  "import.preview.action": "Result",
  "import.preview.problems": "Problems",
  "import.preview.duplicate": "Duplicate",
  "import.preview.reach": "Email and phone",
  "import.action.create": "New",
  "import.action.update": "Update",
  "import.action.merge": "Merged into an earlier row",
  "import.action.skip": "Skipped",
  "import.action.reject": "Rejected",
  "import.decision": "Decision for row {row}",
  "import.decision.update": "Update the existing one",
  "import.decision.keepBoth": "Keep both",
  "import.decision.skip": "Skip the row",
  "import.dup.existing": "Already there: {name} (same {by})",
  "import.dup.sameAsRow": "Same as row {row} (same {by})",
  "import.dup.likely": "likely",
  "import.matchedBy.email": "email",
  "import.matchedBy.phone": "phone",
  "import.matchedBy.name": "name and organisation",
  "import.issue.missing_name": "no name",
  "import.issue.missing_organisation": "no member/organisation",
  "import.issue.bad_email": "invalid email (kept in the notes)",
  "import.issue.bad_phone": "invalid phone (kept in the notes)",
  "import.issue.bad_date": "invalid date (kept in the notes)",
  "import.issue.unknown_country": "unknown country (kept in the notes)",
  "import.issue.unknown_lawful_basis": "unknown lawful basis",
  "import.issue.too_long": "text too long (kept in the notes)",
  "import.issue.extra_cells": "extra cells (kept in the notes)",
  "import.commit": "Import",
  "import.committing": "Importing…",
  "import.progress": "{done} of {total} rows",
  "import.progressLabel": "Import progress",
  "import.summary": "Import finished: {file}",
  "import.sum.created": "Created",
  "import.sum.updated": "Updated",
  "import.sum.unchanged": "Unchanged",
  "import.sum.skipped": "Skipped",
  "import.sum.rejected": "Rejected",
  "import.saveRejected": "Save rejected rows as CSV…",
  "import.another": "Import another file",
  "import.history": "Import history",
  "import.historyEmpty": "No imports yet.",
  "import.col.file": "File",
  "import.col.kind": "Kind",
  "import.col.date": "Date",
  "import.col.state": "State",
  "import.undo": "Undo",
  "import.undoLabel": "Undo the import of {file}",
  "import.undone": "Undone on {date}",
  "import.active": "Active",
  "import.undoTitle": "Undo the import of “{file}”?",
  "import.undoBody": "Records created, to be deleted: {created}. Records updated, to be restored: {updated}. Not possible once a created contact or person has been used in a meeting.",
  "import.undoConfirm": "Undo the import",
  "import.undoing": "Undoing…",
  "import.participantsOf": "Import participants",
  "error.locked": "The workspace is locked: enter the passphrase to go on.",
  "error.wrong_passphrase": "Wrong passphrase. The file was not changed: try again.",
  "error.not_encrypted": "The workspace is not protected by a passphrase.",
  "reason.too_short": "too short",
  "field.passphrase": "Passphrase",
  "unlock.title": "Protected workspace",
  "unlock.body": "This workspace is encrypted. Enter its passphrase to open it.",
  "unlock.passphrase": "Passphrase",
  "unlock.submit": "Unlock",
  "unlock.busy": "Opening…",
  "unlock.empty": "Enter the passphrase.",
  "security.title": "Security",
  "security.plain": "The workspace is not encrypted: anyone with the file can read its names, e-mails and notes.",
  "security.encrypted": "The workspace is encrypted with a passphrase.",
  "security.lockNow": "Lock now",
  "security.set": "Protect with a passphrase",
  "security.change": "Change passphrase",
  "security.remove": "Remove passphrase",
  "security.current": "Current passphrase",
  "security.new": "New passphrase",
  "security.confirm": "New passphrase again",
  "security.mismatch": "The two passphrases differ.",
  "security.tooShort": "At least {n} characters.",
  "security.warning": "Keep the passphrase somewhere safe: without it the data cannot be recovered.",
  "security.working": "Converting the file…",
  "security.setDone": "Workspace encrypted",
  "security.changeDone": "Passphrase changed",
  "security.removeDone": "Passphrase removed: the file is no longer encrypted",
  "security.removeTitle": "Remove the passphrase?",
  "security.removeBody": "The workspace file will be readable again by anyone who has it.",
  "security.lockAfter": "Lock automatically when idle",
  "security.never": "Never",
  "security.minutes.one": "{n} minute",
  "security.minutes.other": "{n} minutes",
  "security.lockedNotice": "Workspace locked",

  "field.retentionMonths": "Retention period (months)",
  "privacy.accessHtml": "Access request (HTML)",
  "privacy.accessJson": "Access request (JSON)",
  "privacy.accessSaved": "Access request saved to {path}",
  "privacy.saving": "Saving…",
  "privacy.erase": "Erase this person",
  "privacy.eraseConfirm": "Erase for good",
  "privacy.eraseTitle": "Erase {name}?",
  "privacy.eraseBody":
    "All personal data of {name} will be erased: the record, the history of the lawful basis, tags, import history and drafts that mention them. The meetings they attended stay in the statistics, attributed to “Erased contact”, and their name, e-mail and phone are replaced in those meetings' text. Backups taken before today still hold their data.",
  "privacy.erasing": "Erasing…",
  "privacy.erasedStandIn": "Stand-in for an erased contact: it holds no personal data and only keeps meetings counted.",
  "privacy.consentHistory": "History of the lawful basis",
  "privacy.noHistory": "No changes recorded.",
  "privacy.event.created": "Created",
  "privacy.event.changed": "Changed",
  "privacy.event.recorded": "Recorded",
  "notice.erased": "Personal data erased",
  "notice.retentionConfirmed": "Retention confirmed",
  "settings.privacy": "Personal data (GDPR)",
  "settings.privacyHint": "Contacts nobody has met for longer than the retention period are to be confirmed or erased.",
  "settings.erasures": "Erasures logged",
  "retention.title": "Retention review",
  "retention.open": "Open the retention review",
  "retention.intro": "Contacts not met (nor added) in the last {months} months and not confirmed since. Keep those still needed; erase the others.",
  "retention.apply": "Apply and remember",
  "retention.empty": "No contacts to review.",
  "retention.col.contact": "Contact",
  "retention.col.organisation": "Organisation",
  "retention.col.since": "Last met",
  "retention.added": "added {date}",
  "retention.keep": "Keep",
  "retention.keepLabel": "Keep {name}",
  "retention.eraseLabel": "Erase {name}",
  "retention.erase": "Erase",
  "retention.keepSelected": "Keep selected ({n})",
  "retention.select": "Select {name}",
  "retention.selectAll": "Select all",
  "backup.title": "Backups",
  "backup.now": "Back up now",
  "backup.running": "Backing up…",
  "backup.done": "Backup taken",
  "backup.explain": "Ponte backs up before every import and every update, and once a day while you use it. Backups are in the folder {folder} and, if the workspace is protected by a passphrase, encrypted with the same one.",
  "backup.keep": "Backups to keep",
  "backup.none": "No backups yet.",
  "backup.col.date": "Date",
  "backup.col.reason": "Reason",
  "backup.col.size": "Size",
  "backup.col.flags": "Notes",
  "backup.encrypted": "Encrypted",
  "backup.beforeErasure": "Before an erasure",
  "backup.restore": "Restore…",
  "backup.restoreLabel": "Restore the backup of {date}",
  "backup.restoreTitle": "Restore the backup of {date}?",
  "backup.restoring": "Restoring…",
  "backup.restoreConfirm": "Restore",
  "backup.restored": "Backup restored",
  "backup.passphrase": "The backup's passphrase",
  "backup.open": "Open",
  "backup.previewIntro": "Backup {reason}, {size}. Latest change recorded: {newest}. It holds:",
  "backup.holds.contacts": "{n} contacts",
  "backup.holds.organisations": "{n} organisations",
  "backup.holds.members": "{n} members",
  "backup.holds.missions": "{n} missions",
  "backup.holds.meetings": "{n} meetings",
  "backup.tooNew": "This backup was made by a newer version of Ponte and cannot be restored here: update Ponte.",
  "backup.erasureWarning": "This backup predates the last erasure of personal data: restoring it would bring the erased people back into the workspace.",
  "backup.restoreNote": "The workspace's current state is backed up first (“before restore”), so nothing is lost: you can go back at any time.",
  "backup.reason.before_import": "before an import",
  "backup.reason.before_migration": "before an update",
  "backup.reason.daily": "daily",
  "backup.reason.manual": "manual",
  "backup.reason.before_restore": "before a restore",
  "error.disk_full": "The disk is full: free some space and try again. No data was changed.",
  "error.read_only": "The workspace or its backups folder is read-only: no change can be saved.",
  "error.busy": "The workspace is busy in another program (another copy of Ponte?). Try again in a moment: no data was lost.",
  "error.cannot_open": "The workspace file cannot be opened: check that its folder exists and can be accessed.",
  "error.not_a_workspace": "The file is not a Ponte workspace.",
  "error.in_use": "This workspace is open in another Ponte window.",
  "error.backup_damaged": "The backup is damaged and cannot be restored. The workspace was not changed.",
};

const dictionaries: Record<Language, Record<Key, string>> = { it, en };

// ---------------------------------------------------------------- language state

let current: Language = "en";

export function getLanguage(): Language {
  return current;
}

/** Sets the UI language (the app re-renders itself; this only switches the dictionary). */
const LANGUAGE_HINT = "ponte.language";

export function setLanguage(lang: Language): void {
  current = lang;
  if (typeof document !== "undefined") document.documentElement.lang = lang;
  // Remembered outside the workspace too: a locked workspace cannot tell the unlock screen.
  try {
    window.localStorage.setItem(LANGUAGE_HINT, lang);
  } catch {
    // storage unavailable: the unlock screen follows the system language
  }
}

/** The language last used on this computer, for the unlock screen. */
export function rememberedLanguage(): Language | null {
  try {
    const v = window.localStorage.getItem(LANGUAGE_HINT);
    return v === "it" || v === "en" ? v : null;
  } catch {
    return null;
  }
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
export const agreementKindLabel = (k: AgreementKind | null) =>
  k ? tDynamic(`agreementKind.${k}`, k) : t("agreementKind.none");
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

/** Codes whose message needs nothing but the code. */
const PLAIN_ERRORS: Partial<Record<string, Key>> = {
  storage: "error.storage",
  io: "error.io",
  schema_too_new: "error.schema_too_new",
  export: "error.export",
  no_font: "error.no_font",
  disk_full: "error.disk_full",
  read_only: "error.read_only",
  busy: "error.busy",
  cannot_open: "error.cannot_open",
  not_a_workspace: "error.not_a_workspace",
  in_use: "error.in_use",
  backup_damaged: "error.backup_damaged",
  locked: "error.locked",
  wrong_passphrase: "error.wrong_passphrase",
  not_encrypted: "error.not_encrypted",
};

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
    case "import": {
      const problem = tDynamic(`importProblem.${err.problem ?? ""}`, t("importProblem.unknown"));
      const file = err.file ?? "";
      return err.row !== undefined && err.row !== null
        ? t("error.import_row", { file, row: err.row, problem })
        : t("error.import", { file, problem });
    }
    default: {
      const key = Object.prototype.hasOwnProperty.call(PLAIN_ERRORS, err.code) ? PLAIN_ERRORS[err.code] : undefined;
      return key ? t(key) : t("error.unknown");
    }
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

// ---------------------------------------------------------------- wall-clock times
// Meetings are typed and shown as wall-clock times "YYYY-MM-DDTHH:MM" in a zone (the mission's,
// or home); these helpers do calendar arithmetic on that text without any zone.

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function naiveFromLocal(local: string): Date | null {
  const m = WALL_CLOCK.exec(local);
  if (!m) return null;
  // A year still being typed ("0202" on the way to 2026) is not a date yet; and Date.UTC would
  // read years below 100 as 19xx.
  if (+m[1] < 1000) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]));
  return Number.isNaN(d.getTime()) ? null : d;
}

function localFromNaive(d: Date): string {
  return (
    `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}` +
    `T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`
  );
}

/** The wall-clock time of an instant in a zone: "2025-07-08T10:00". */
export function wallClock(at: string | Date, zone: string): string {
  const d = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return "";
  const options: Intl.DateTimeFormatOptions = {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  };
  if (isValidTimeZone(zone)) options.timeZone = zone;
  const parts = dtf(options, "en-CA").formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const hour = get("hour") === "24" ? "00" : get("hour");
  return `${get("year")}-${get("month")}-${get("day")}T${hour}:${get("minute")}`;
}

/** Now in a zone, rounded to the nearest five minutes. */
export function nowInZone(zone: string): string {
  const step = 5 * 60_000;
  return wallClock(new Date(Math.round(Date.now() / step) * step), zone);
}

/** "2025-07-08" of a wall-clock time. */
export function localDate(local: string): string {
  return local.slice(0, 10);
}

/** "10:00" of a wall-clock time. */
export function localTime(local: string): string {
  return local.slice(11, 16);
}

/** Adds minutes to a wall-clock time (calendar arithmetic). */
export function addMinutesLocal(local: string, minutes: number): string {
  const d = naiveFromLocal(local);
  if (!d) return local;
  return localFromNaive(new Date(d.getTime() + minutes * 60_000));
}

/** Minutes from one wall-clock time to another, or null. */
export function minutesBetweenLocal(from: string, to: string): number | null {
  const a = naiveFromLocal(from);
  const b = naiveFromLocal(to);
  if (!a || !b) return null;
  return Math.round((b.getTime() - a.getTime()) / 60_000);
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(ymd: string, days: number): string {
  const d = parseYmd(ymd);
  if (!d) return ymd;
  return localFromNaive(new Date(d.getTime() + days * 86_400_000)).slice(0, 10);
}

/** "9:5", "0930", "9.30" → "09:30"; anything else unchanged (for browsers without a time picker). */
export function normaliseTime(text: string): string {
  const s = text.trim();
  const m = /^(\d{1,2})[:.h]?(\d{2})$/.exec(s) ?? /^(\d{1,2})$/.exec(s);
  if (!m) return s;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return s;
  return `${pad2(h)}:${pad2(min)}`;
}

/** "1 h 30 min", "45 min". */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h && m) return `${h} h ${m} min`;
  if (h) return `${h} h`;
  return `${m} min`;
}

/** "(+1)" / "(−1)" when the second day is after / before the first, else "". */
export function dayShift(fromYmd: string, toYmd: string): string {
  if (!fromYmd || !toYmd || fromYmd === toYmd) return "";
  return toYmd > fromYmd ? "(+1)" : "(−1)";
}

/** "today", "in 3 days", "2 days ago" for a YYYY-MM-DD date. */
export function relativeDay(ymd: string, today: string = todayYmd()): string {
  const a = parseYmd(today);
  const b = parseYmd(ymd);
  if (!a || !b) return "";
  const days = Math.round((b.getTime() - a.getTime()) / 86_400_000);
  try {
    return new Intl.RelativeTimeFormat(locale(), { numeric: "auto" }).format(days, "day");
  } catch {
    return String(days);
  }
}

/**
 * The instant of a wall-clock time in a zone, or null when that time does not exist there
 * (inside a daylight-saving gap) or the text is not a time. Repeated times mean the first.
 */
export function instantOf(local: string, zone: string): Date | null {
  const naive = naiveFromLocal(local);
  if (!naive || !isValidTimeZone(zone)) return null;
  const target = localFromNaive(naive);
  const offsetAt = (t: number) => {
    const seen = naiveFromLocal(wallClock(new Date(t), zone));
    return seen ? seen.getTime() - t : 0;
  };
  // The zone's offset just before and just after: one of them holds at the time sought.
  const guess = naive.getTime();
  const candidates = [guess - offsetAt(guess - 43_200_000), guess - offsetAt(guess + 43_200_000)].sort(
    (a, b) => a - b,
  );
  for (const c of candidates) {
    if (wallClock(new Date(c), zone) === target) return new Date(c);
  }
  return null;
}
