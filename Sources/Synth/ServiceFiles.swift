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

  /// Invented treatment places and residential offers (with æ, ø, å).
  private static let treatmentPlaces = ["Misbrugscenter Århus", "Rusmiddelcenter Søborg", "Behandlingshuset Kærvang"]
  private static let residentialOffers = ["Bostedet Højvang", "Botilbuddet Ærøvej", "Opholdsstedet Skovsø"]

  init(folder: String) throws {
    population = try RegisterFile(folder: folder, name: "bef.csv.gz", header: "PNR;KOEN;FOED_DAG;KOM")
    services = try Service.allCases.map { try RegisterFile(folder: folder, name: $0.fileName, header: $0.header) }
  }

  func write(_ person: SynthPerson) throws {
    let pnr = Field.digits(person.pnr, width: 10)
    try population.row([pnr, Field.text(String(person.sex)), Field.sas(person.birth), Field.text(String(person.municipality))])
    for (i, event) in person.events.enumerated() {
      let pick = (person.index + i) % 3
      let fields: [[UInt8]]
      switch event.service {
      case .psychiatric: fields = [pnr, Field.sas(event.start), Field.sas(event.end), Field.text(event.code)]
      case .substance:
        fields = [pnr, Field.iso(event.start), Field.iso(event.end), Field.utf8(Self.treatmentPlaces[pick])]
      case .support85: fields = [pnr, Field.iso(event.start), Field.iso(event.end), Field.text("85")]
      case .residential:
        fields = [
          pnr, Field.sas(event.start), Field.sas(event.end), Field.text(pick == 0 ? "108" : "107"),
          Field.latin1(Self.residentialOffers[pick]),
        ]
      case .prison: fields = [pnr, Field.iso(event.start), Field.iso(event.end)]
      }
      try services[event.service.rawValue].row(fields)
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
