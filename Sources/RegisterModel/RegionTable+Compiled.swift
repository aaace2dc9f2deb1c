/// The text of `data/municipalities.csv` (SPEC 2's municipality table), compiled into
/// the binary so that regpipe needs no file beside it: a copied executable once stopped
/// with a fatal error when its resource bundle was not there.
/// `RegionTableTests.testTheCompiledTableIsDataMunicipalitiesCSV` fails when the two
/// differ; after a change to the file, paste it here again.
extension RegionTable {
  static let compiledCSV = """
    municipality_code,municipality_name,region_code,region_name,homeless_count_2022,homeless_count_2024,\
    homeless_per_1000_2024
    101,København,1084,Region Hovedstaden,1370,1387,2.1
    147,Frederiksberg,1084,Region Hovedstaden,80,137,1.3
    151,Ballerup,1084,Region Hovedstaden,41,25,0.5
    153,Brøndby,1084,Region Hovedstaden,19,34,0.9
    155,Dragør,1084,Region Hovedstaden,121,111,7.6
    157,Gentofte,1084,Region Hovedstaden,37,35,0.5
    159,Gladsaxe,1084,Region Hovedstaden,62,54,0.8
    161,Glostrup,1084,Region Hovedstaden,21,39,1.6
    163,Herlev,1084,Region Hovedstaden,37,36,1.2
    165,Albertslund,1084,Region Hovedstaden,52,44,1.6
    167,Hvidovre,1084,Region Hovedstaden,80,74,1.4
    169,Høje-Taastrup,1084,Region Hovedstaden,67,80,1.4
    173,Lyngby-Taarbæk,1084,Region Hovedstaden,20,26,0.4
    175,Rødovre,1084,Region Hovedstaden,28,49,1.1
    183,Ishøj,1084,Region Hovedstaden,34,40,1.7
    185,Tårnby,1084,Region Hovedstaden,61,54,1.2
    187,Vallensbæk,1084,Region Hovedstaden,8,14,0.8
    190,Furesø,1084,Region Hovedstaden,19,20,0.5
    201,Allerød,1084,Region Hovedstaden,1,3,0.1
    210,Fredensborg,1084,Region Hovedstaden,13,30,0.7
    217,Helsingør,1084,Region Hovedstaden,104,71,1.1
    219,Hillerød,1084,Region Hovedstaden,56,52,1.0
    223,Hørsholm,1084,Region Hovedstaden,2,4,0.2
    230,Rudersdal,1084,Region Hovedstaden,36,31,0.5
    240,Egedal,1084,Region Hovedstaden,10,28,0.6
    250,Frederikssund,1084,Region Hovedstaden,28,48,1.0
    253,Greve,1085,Region Sjælland,39,49,0.9
    259,Køge,1085,Region Sjælland,38,52,0.8
    260,Halsnæs,1084,Region Hovedstaden,19,37,1.2
    265,Roskilde,1085,Region Sjælland,75,64,0.7
    269,Solrød,1085,Region Sjælland,2,11,0.4
    270,Gribskov,1084,Region Hovedstaden,39,37,0.9
    306,Odsherred,1085,Region Sjælland,16,21,0.6
    316,Holbæk,1085,Region Sjælland,54,64,0.9
    320,Faxe,1085,Region Sjælland,21,14,0.4
    326,Kalundborg,1085,Region Sjælland,72,87,1.8
    329,Ringsted,1085,Region Sjælland,42,19,0.5
    330,Slagelse,1085,Region Sjælland,149,119,1.5
    336,Stevns,1085,Region Sjælland,15,19,0.8
    340,Sorø,1085,Region Sjælland,10,21,0.7
    350,Lejre,1085,Region Sjælland,25,15,0.5
    360,Lolland,1085,Region Sjælland,21,41,1.0
    370,Næstved,1085,Region Sjælland,84,120,1.4
    376,Guldborgsund,1085,Region Sjælland,98,106,1.8
    390,Vordingborg,1085,Region Sjælland,20,33,0.7
    400,Bornholm,1084,Region Hovedstaden,11,5,0.1
    410,Middelfart,1083,Region Syddanmark,28,24,0.6
    420,Assens,1083,Region Syddanmark,33,19,0.5
    430,Faaborg-Midtfyn,1083,Region Syddanmark,28,26,0.5
    440,Kerteminde,1083,Region Syddanmark,8,8,0.3
    450,Nyborg,1083,Region Syddanmark,17,24,0.7
    461,Odense,1083,Region Syddanmark,117,95,0.5
    479,Svendborg,1083,Region Syddanmark,53,30,0.5
    480,Nordfyn,1083,Region Syddanmark,22,10,0.6
    482,Langeland,1083,Region Syddanmark,11,12,1.0
    492,Ærø,1083,Region Syddanmark,8,7,1.2
    510,Haderslev,1083,Region Syddanmark,27,72,1.3
    530,Billund,1083,Region Syddanmark,17,11,0.4
    540,Sønderborg,1083,Region Syddanmark,54,46,0.6
    550,Tønder,1083,Region Syddanmark,20,25,0.7
    561,Esbjerg,1083,Region Syddanmark,113,106,0.9
    563,Fanø,1083,Region Syddanmark,0,1,0.3
    573,Varde,1083,Region Syddanmark,35,38,0.8
    575,Vejen,1083,Region Syddanmark,20,32,0.7
    580,Aabenraa,1083,Region Syddanmark,31,33,0.6
    607,Fredericia,1083,Region Syddanmark,62,65,1.2
    615,Horsens,1082,Region Midtjylland,150,131,1.3
    621,Kolding,1083,Region Syddanmark,55,65,0.7
    630,Vejle,1083,Region Syddanmark,109,97,0.8
    657,Herning,1082,Region Midtjylland,102,88,1.0
    661,Holstebro,1082,Region Midtjylland,45,38,0.6
    665,Lemvig,1082,Region Midtjylland,8,11,0.6
    671,Struer,1082,Region Midtjylland,10,8,0.4
    706,Syddjurs,1082,Region Midtjylland,24,12,0.3
    707,Norddjurs,1082,Region Midtjylland,9,8,0.2
    710,Favrskov,1082,Region Midtjylland,0,3,0.1
    727,Odder,1082,Region Midtjylland,19,3,0.1
    730,Randers,1082,Region Midtjylland,90,81,0.8
    740,Silkeborg,1082,Region Midtjylland,83,102,1.0
    741,Samsø,1082,Region Midtjylland,1,5,1.4
    746,Skanderborg,1082,Region Midtjylland,30,23,0.4
    751,Aarhus,1082,Region Midtjylland,507,556,1.5
    756,Ikast-Brande,1082,Region Midtjylland,25,26,0.6
    760,Ringkøbing-Skjern,1082,Region Midtjylland,33,18,0.3
    766,Hedensted,1082,Region Midtjylland,9,23,0.5
    773,Morsø,1081,Region Nordjylland,16,10,0.5
    779,Skive,1082,Region Midtjylland,8,12,0.3
    787,Thisted,1081,Region Nordjylland,11,21,0.5
    791,Viborg,1082,Region Midtjylland,46,102,1.0
    810,Brønderslev,1081,Region Nordjylland,10,14,0.4
    813,Frederikshavn,1081,Region Nordjylland,32,44,0.8
    820,Vesthimmerland,1081,Region Nordjylland,13,6,0.2
    825,Læsø,1081,Region Nordjylland,0,0,
    840,Rebild,1081,Region Nordjylland,14,6,0.2
    846,Mariagerfjord,1081,Region Nordjylland,20,16,0.4
    849,Jammerbugt,1081,Region Nordjylland,11,12,0.3
    851,Aalborg,1081,Region Nordjylland,291,254,1.1
    860,Hjørring,1081,Region Nordjylland,47,50,0.8

    """
}
