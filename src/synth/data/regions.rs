//! The countries and territories briefs are set in and tagged with, most written-about first,
//! with their cities, naming traditions and how many cast members each holds.

use super::Culture::{self, *};

/// A country (or territory) the briefs are tagged with and set in.
pub(crate) struct RegionDef {
    /// Facet name under REGIONS & COUNTRIES.
    pub tag: &'static str,
    /// How prose names it ("the United Arab Emirates").
    pub noun: &'static str,
    /// Adjective and demonym ("Emirati").
    pub adj: &'static str,
    /// Seat of government, also used for the government itself ("Baghdad insists ...").
    pub capital: &'static str,
    /// Cities and provinces, most prominent first, separated by `|`.
    pub places: &'static str,
    /// Main naming tradition, and an optional second one with its share in percent.
    pub culture: Culture,
    pub mix: Option<(Culture, u32)>,
    /// How many officials and figures of this country the cast holds.
    pub people: usize,
    /// Relative share of briefs about this country.
    pub weight: u32,
    /// A wider region tag that briefs about this country sometimes carry too.
    pub supra: Option<&'static str>,
    /// Honorific of a senior cleric here, if the cast has one.
    pub cleric: Option<&'static str>,
}

macro_rules! region {
    ($tag:expr, $noun:expr, $adj:expr, $cap:expr, $places:expr, $cult:expr, $mix:expr, $people:expr, $w:expr, $supra:expr, $cleric:expr) => {
        RegionDef {
            tag: $tag,
            noun: $noun,
            adj: $adj,
            capital: $cap,
            places: $places,
            culture: $cult,
            mix: $mix,
            people: $people,
            weight: $w,
            supra: $supra,
            cleric: $cleric,
        }
    };
}

/// The countries, most written-about first.
pub(crate) const REGIONS: &[RegionDef] = &[
    region!("Iran", "Iran", "Iranian", "Tehran",
        "Isfahan|Mashhad|Khuzestan province|Shiraz|Tabriz|Ahvaz|Sistan and Baluchestan province|Bandar Abbas|Qom|Kermanshah|Zahedan|Bushehr|Chabahar",
        Persian, Some((Kurdish, 10)), 12, 30, None, Some("Ayatollah")),
    region!("Iraq", "Iraq", "Iraqi", "Baghdad",
        "Basra|Erbil|Mosul|Kirkuk|Najaf|Anbar province|Karbala|Sulaymaniyah|Diyala province|Sinjar|Fallujah|Nineveh province",
        Arab, Some((Kurdish, 25)), 12, 28, None, Some("Sayyid")),
    region!("Syria", "Syria", "Syrian", "Damascus",
        "Aleppo|Idlib|Deir al-Zour|Homs|Raqqa|Latakia|Daraa|Qamishli|Hasakah|Palmyra",
        Levant, Some((Kurdish, 15)), 8, 20, None, Some("Sheikh")),
    region!("Lebanon", "Lebanon", "Lebanese", "Beirut",
        "the Bekaa Valley|Sidon|Tyre|Baalbek|Nabatieh|Jounieh",
        Levant, None, 6, 12, None, Some("Sheikh")),
    region!("Israel", "Israel", "Israeli", "Jerusalem",
        "Tel Aviv|Haifa|the Golan Heights|the Negev|Eilat|Ashdod",
        Hebrew, None, 5, 10, None, Some("Rabbi")),
    region!("Palestinians", "the Palestinian territories", "Palestinian", "Ramallah",
        "Gaza|the West Bank|Jenin|Nablus|Hebron|Khan Younis|Rafah",
        Levant, None, 5, 9, None, Some("Sheikh")),
    region!("Jordan", "Jordan", "Jordanian", "Amman",
        "Zarqa|Irbid|Aqaba|Mafraq|Maan",
        Levant, None, 4, 7, None, Some("Sheikh")),
    region!("Egypt", "Egypt", "Egyptian", "Cairo",
        "the Sinai Peninsula|Alexandria|Port Said|Suez|Aswan|Ismailia|Luxor",
        Arab, None, 6, 10, Some("North Africa"), Some("Sheikh")),
    region!("Saudi Arabia", "Saudi Arabia", "Saudi", "Riyadh",
        "Jeddah|the Eastern Province|Dammam|Mecca|Medina|Tabuk|Jizan",
        Gulf, None, 6, 12, Some("Gulf States"), Some("Sheikh")),
    region!("Yemen", "Yemen", "Yemeni", "Sanaa",
        "Aden|Marib|Hodeidah|Taiz|Hadramawt|Saada|Mukalla",
        Arab, None, 6, 9, None, Some("Sheikh")),
    region!("United Arab Emirates", "the United Arab Emirates", "Emirati", "Abu Dhabi",
        "Dubai|Sharjah|Fujairah|Ras al-Khaimah",
        Gulf, None, 4, 7, Some("Gulf States"), None),
    region!("Qatar", "Qatar", "Qatari", "Doha",
        "Ras Laffan|Al Khor|Al Wakrah",
        Gulf, None, 3, 6, Some("Gulf States"), None),
    region!("Kuwait", "Kuwait", "Kuwaiti", "Kuwait City",
        "Ahmadi|Jahra",
        Gulf, None, 2, 3, Some("Gulf States"), None),
    region!("Bahrain", "Bahrain", "Bahraini", "Manama",
        "Muharraq|Sitra",
        Gulf, None, 2, 3, Some("Gulf States"), None),
    region!("Oman", "Oman", "Omani", "Muscat",
        "Salalah|Duqm|Sohar|Musandam",
        Gulf, None, 2, 4, Some("Gulf States"), None),
    region!("Turkey", "Turkey", "Turkish", "Ankara",
        "Istanbul|Gaziantep|Diyarbakir|Hatay|Izmir|Sanliurfa|Mersin",
        Turkish, Some((Kurdish, 15)), 6, 11, None, None),
    region!("Afghanistan", "Afghanistan", "Afghan", "Kabul",
        "Kandahar|Herat|Nangarhar province|Mazar-e Sharif|Jalalabad|Helmand province|Kunduz|Bamyan|Badakhshan|Khost",
        Afghan, None, 8, 12, None, Some("Mawlawi")),
    region!("Pakistan", "Pakistan", "Pakistani", "Islamabad",
        "Peshawar|Karachi|Quetta|Lahore|Khyber Pakhtunkhwa|Balochistan|Rawalpindi|Gwadar|North Waziristan",
        Pakistani, None, 7, 8, None, Some("Maulana")),
    region!("India", "India", "Indian", "New Delhi",
        "Mumbai|Gujarat|Chennai|Kolkata|Jammu and Kashmir",
        Indian, None, 3, 4, None, None),
    region!("Libya", "Libya", "Libyan", "Tripoli",
        "Benghazi|Misrata|Sirte|the Fezzan|Derna|Sabha",
        Maghrebi, Some((Arab, 40)), 6, 7, Some("North Africa"), Some("Sheikh")),
    region!("Tunisia", "Tunisia", "Tunisian", "Tunis",
        "Sfax|Ben Guerdane|Sousse|Kasserine|Gabes",
        Maghrebi, None, 4, 5, Some("North Africa"), None),
    region!("Algeria", "Algeria", "Algerian", "Algiers",
        "Oran|In Amenas|Constantine|Tamanrasset|Ouargla",
        Maghrebi, None, 3, 4, Some("North Africa"), None),
    region!("Morocco", "Morocco", "Moroccan", "Rabat",
        "Casablanca|Tangier|Laayoune|Marrakesh|Fez|Oujda",
        Maghrebi, None, 3, 4, Some("North Africa"), None),
    region!("Sudan", "Sudan", "Sudanese", "Khartoum",
        "Darfur|Port Sudan|Omdurman|El Fasher|Kassala|Kordofan",
        Arab, None, 4, 5, None, Some("Sheikh")),
    region!("Russia", "Russia", "Russian", "Moscow",
        "Sochi|Kazan|St. Petersburg",
        Russian, None, 3, 6, None, None),
    region!("China", "China", "Chinese", "Beijing",
        "Xinjiang|Shanghai|Guangzhou",
        Chinese, None, 3, 6, None, None),
    region!("Tajikistan", "Tajikistan", "Tajik", "Dushanbe",
        "Khorog|Khujand|Kulob",
        CentralAsian, None, 2, 2, Some("Central Asia"), None),
    region!("Uzbekistan", "Uzbekistan", "Uzbek", "Tashkent",
        "Termez|Samarkand|Bukhara",
        CentralAsian, None, 2, 2, Some("Central Asia"), None),
];
