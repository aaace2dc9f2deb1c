/// The population register and the service registers, one row per person or event.
///
/// | file | encoding | dates | columns |
/// |---|---|---|---|
/// | `bef.csv.gz` | UTF-8 (ASCII) | SAS | `PNR;KOEN;FOED_DAG;KOM` |
/// | `lpr_psyk.csv.gz` | UTF-8 (ASCII) | SAS | `PNR;D_INDDTO;D_UDDTO;C_ADIAG` |
/// | `sib.csv.gz` | UTF-8 | ISO | `PNR;STARTDATO;SLUTDATO;BEHANDLINGSSTED` |
/// | `serv85.csv.gz` | UTF-8 (ASCII) | ISO | `PNR;YDELSE_START;YDELSE_SLUT;PARAGRAF` |
/// | `ophold107_108.csv.gz` | Latin-1 | SAS | `PNR;INDDTO;UDDTO;PARAGRAF;TILBUD` |
/// | `kriminal.csv.gz` | UTF-8 (ASCII) | ISO | `PNR;INDSAT;LOESLADT` |
final class ServiceFiles {
  let population: RegisterFile
  /// One file per service, in `Service.allCases` order.
  let services: [RegisterFile]
  private(set) var events = 0

  /// Invented treatment places (UTF-8) and residential offers (Latin-1), with æ, ø, å.
  private let treatmentPlaces = ["Misbrugscenter Århus", "Rusmiddelcenter Søborg", "Behandlingshuset Kærvang"].map(
    Field.utf8)
  private let residentialOffers = ["Bostedet Højvang", "Botilbuddet Ærøvej", "Opholdsstedet Skovsø"].map(Field.latin1)

  init(folder: String) throws {
    population = try RegisterFile(folder: folder, name: "bef.csv.gz", header: "PNR;KOEN;FOED_DAG;KOM")
    services = try Service.allCases.map { try RegisterFile(folder: folder, name: $0.fileName, header: $0.header) }
  }

  func write(_ person: SynthPerson) throws {
    population.field(digits: person.pnr, width: 10)
    population.field(digits: person.sex, width: 1)
    population.field(sas: person.birth)
    population.field(digits: person.municipality, width: 3)
    try population.endRow()
    for (i, event) in person.events.enumerated() {
      let pick = (person.index + i) % 3
      let file = services[event.service.rawValue]
      file.field(digits: person.pnr, width: 10)
      switch event.service {
      case .psychiatric:
        file.field(sas: event.start)
        file.field(sas: event.end)
        file.field(Field.text(event.code))
      case .substance:
        file.field(iso: event.start)
        file.field(iso: event.end)
        file.field(treatmentPlaces[pick])
      case .support85:
        file.field(iso: event.start)
        file.field(iso: event.end)
        file.field(Field.text("85"))
      case .residential:
        file.field(sas: event.start)
        file.field(sas: event.end)
        file.field(Field.text(pick == 0 ? "108" : "107"))
        file.field(residentialOffers[pick])
      case .prison:
        file.field(iso: event.start)
        file.field(iso: event.end)
      }
      try file.endRow()
      events += 1
    }
  }

  var all: [RegisterFile] { [population] + services }
}

extension Service {
  var fileName: String {
    switch self {
    case .psychiatric: "lpr_psyk.csv.gz"
    case .substance: "sib.csv.gz"
    case .support85: "serv85.csv.gz"
    case .residential: "ophold107_108.csv.gz"
    case .prison: "kriminal.csv.gz"
    }
  }

  var header: String {
    switch self {
    case .psychiatric: "PNR;D_INDDTO;D_UDDTO;C_ADIAG"
    case .substance: "PNR;STARTDATO;SLUTDATO;BEHANDLINGSSTED"
    case .support85: "PNR;YDELSE_START;YDELSE_SLUT;PARAGRAF"
    case .residential: "PNR;INDDTO;UDDTO;PARAGRAF;TILBUD"
    case .prison: "PNR;INDSAT;LOESLADT"
    }
  }
}
