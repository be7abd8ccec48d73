//! The fictional world the generator writes about: real countries and cities as settings, with
//! an invented cast of officials, armed groups, parties, companies and Larkspur Institute
//! experts. Everything here is data; `synth.rs` turns it into briefs. Order matters: earlier
//! entries of each list are the more prominent ones (they get higher Zipf weights).

/// Naming tradition used to invent a person's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Culture {
    Arab,
    Gulf,
    Levant,
    Persian,
    Kurdish,
    Turkish,
    Afghan,
    Pakistani,
    Indian,
    Hebrew,
    Maghrebi,
    Russian,
    Chinese,
    CentralAsian,
    Western,
}

/// What a person does, used to match people to a brief's topics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RoleKind {
    Diplomat,
    Security,
    Military,
    Energy,
    Economy,
    Politics,
    Religious,
    Rights,
    Militant,
    Business,
}

/// What an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OrgKind {
    International,
    Ministry,
    Militia,
    Party,
    Company,
    Civic,
}

/// A country (or territory) the briefs are tagged with and set in.
pub(super) struct RegionDef {
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

use Culture::*;

/// The countries, most written-about first.
pub(super) const REGIONS: &[RegionDef] = &[
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

/// Given names and family names of one naming tradition, separated by white space; `_` joins
/// a two-word name ("Fatima_Zahra").
pub(super) struct NameParts {
    pub culture: Culture,
    pub men: &'static str,
    pub women: &'static str,
    pub family: &'static str,
}

/// Name parts for every tradition. Surnames of well-known public figures are left out.
pub(super) const NAMES: &[NameParts] = &[
    NameParts {
        culture: Arab,
        men: "Ahmad Karim Hassan Omar Khalid Faisal Tariq Yousef Samir Nabil Walid Ziad Hamza Bilal Jamal Majed Adel Mahmoud Mustafa Ibrahim Ali Hussein Abbas Haidar Salim Nasser Qais Muhannad Firas Laith Sattar Raad Hazem Anas",
        women: "Layla Rania Huda Samira Nour Dalia Salma Amal Yasmin Hiba Reem Zainab Suha",
        family: "al-Rawi al-Khatib al-Masri al-Dulaimi al-Shammari Barakat Darwish al-Obeidi Qassem al-Zubaidi al-Harithi al-Najjar Awad Hamdan Khalil Yassin al-Kubaisi al-Bazzaz al-Lami al-Saadi al-Janabi al-Azzawi al-Hamdani al-Kaabi al-Bayati al-Nuaimi Mahfouz Saber Farag Hegazy Abdelnour",
    },
    NameParts {
        culture: Gulf,
        men: "Saud Turki Fahd Bandar Nawaf Sultan Rashid Hamad Mubarak Saif Majid Khalifa Mansour Nasser Faisal Abdullah Salem Hamdan",
        women: "Noura Hessa Maha Latifa Shaikha Alia",
        family: "al-Otaibi al-Qahtani al-Ghamdi al-Harbi al-Mutairi al-Anizi al-Shehhi al-Dhaheri al-Mazrouei al-Kuwari al-Marri al-Sulaiti al-Balushi al-Hinai al-Rashidi al-Ajmi al-Dosari al-Shamsi",
    },
    NameParts {
        culture: Levant,
        men: "Karim Fadi Ziad Nabil Elie Georges Samir Walid Rami Marwan Khalil Jad Omar Hassan Bassam Tarek Imad Wissam",
        women: "Rania Nadine Maya Lina Carla Hala Dima Joumana Rasha",
        family: "Khoury Sayegh Karam Daher Abboud Nassar Tannous Bitar Shehadeh Qassis Awwad Zaatari Hijazi Rizk Mourad Habib Shaaban Odeh Sabbagh Haddad",
    },
    NameParts {
        culture: Persian,
        men: "Hamid Majid Saeed Mehdi Reza Farhad Kaveh Babak Dariush Hossein Morteza Amir Behrouz Parviz Mohsen Alireza Hadi Ehsan Mostafa Masoud Rasoul Gholamreza",
        women: "Nasrin Shirin Maryam Azadeh Roya Leila Fatemeh Parisa",
        family: "Moradi Karimi Tavakoli Rahimi Jafari Sadeghi Nouri Farahani Ghasemi Shirazi Tehrani Mirzaei Yazdani Eskandari Rostami Abedini Heidari Kamali Zand Nazari Bahrami Kiani Ansari Kazemzadeh Sharifi Daneshvar Khosravi",
    },
    NameParts {
        culture: Kurdish,
        men: "Azad Rebwar Shirwan Karwan Dilshad Soran Hemin Aram Bakhtiar Sirwan",
        women: "Darya Shilan Nasreen Avin",
        family: "Baban Hawrami Dizayee Rasul Kakayi Barzinji Shwani Jaff Zangana Berwari",
    },
    NameParts {
        culture: Turkish,
        men: "Mehmet Emre Murat Serkan Kemal Burak Hakan Ugur Volkan Cem Deniz Orhan",
        women: "Elif Zeynep Ayse Selin Ebru Gul",
        family: "Yilmaz Demir Kaya Aydin Ozturk Arslan Korkmaz Sahin Celik Dogan Kurt Ozdemir Polat Aksoy Tekin Erdem",
    },
    NameParts {
        culture: Afghan,
        men: "Rahmatullah Hekmatullah Noorullah Obaidullah Naqibullah Sayed Mirwais Farid Wahid Hamidullah Shafiq Habib Qudratullah Aziz Zia Gul_Agha",
        women: "Shabana Mursal Zarghona Nazifa Hosai",
        family: "Noorzai Popalzai Achakzai Wardak Hotak Safi Sultani Zadran Niazi Mohmand Kakar Andar Tokhi Shinwari Kharoti",
    },
    NameParts {
        culture: Pakistani,
        men: "Asif Bilal Usman Hamza Fawad Shahid Zubair Kamran Adnan Faisal Junaid Rizwan Tahir",
        women: "Ayesha Sana Hina Sadia Mehreen",
        family: "Chaudhry Malik Siddiqui Rana Abbasi Cheema Awan Mirza Baloch Afridi Khattak Durrani Qazi Gondal Lodhi Warraich Hashmi",
    },
    NameParts {
        culture: Indian,
        men: "Rajiv Anil Vikram Arjun Sanjay Rohan Nikhil",
        women: "Priya Meera Kavita Ananya Deepa",
        family: "Menon Iyer Kapoor Bhatia Rao Sethi Chatterjee Nair Deshpande Verma Kulkarni",
    },
    NameParts {
        culture: Hebrew,
        men: "Yoav Eitan Noam Amit Oren Gilad Avi Dov Itai Uri",
        women: "Tamar Yael Michal Noa Ronit Shira",
        family: "Ben-Ami Shapira Levinson Halevi Mizrahi Rosen Adler Ben-David Harel Segev Amsalem Dror Tzur Navon Ofer",
    },
    NameParts {
        culture: Maghrebi,
        men: "Karim Youssef Mehdi Rachid Abdelkader Hicham Said Nabil Mourad Khaled Sofiane Anouar",
        women: "Nadia Amina Samia Leila Imane Fatima_Zahra",
        family: "Benali Bouzid Chaoui El_Idrissi Bennani Tazi Belkacem Mansouri Ferhat Meziane Ait_Hamou Ben_Youssef El_Fassi Cherif Hamdi Boukhari Lahlou Gharbi Ayari Dridi Slimani",
    },
    NameParts {
        culture: Russian,
        men: "Pavel Igor Oleg Viktor Andrei Yuri Mikhail Nikolai",
        women: "Anna Irina Yelena",
        family: "Sorokin Tarasov Zhdanov Belov Kuznetsov Orlov Gromov Volkov Savelyev Lebedev",
    },
    NameParts {
        culture: Chinese,
        men: "Wenjie Haoran Jianguo Yuming Xiaodong Weimin Zhiqiang Hongwei Xuefeng",
        women: "Lifang Jinhua Yanping",
        family: "Zhang Liu Chen Zhao Sun Zhou Wu Xu Gao Lin Guo",
    },
    NameParts {
        culture: CentralAsian,
        men: "Rustam Dilshod Farrukh Bakhtiyor Jamshid Sherzod Alisher Davron",
        women: "Nodira Gulnora Zarina",
        family: "Nazarov Yusupov Sharipov Rakhimov Tursunov Khamidov Saidov Ergashev Usmonov Qodirov",
    },
    NameParts {
        culture: Western,
        men: "Daniel Thomas Michael Andrew Peter Mark Stephen Gregory Martin Paul",
        women: "Rebecca Caroline Laura Claire Helen Julia Naomi Alice Margaret",
        family: "Whitcombe Harlan Pryor Castellano Lindholm Brennan Marchesi Dubarry Kessler Ashworth Fairbanks Delacroix Holloway Thornbury Hollister Redmond Calloway Sandoval",
    },
];

/// An organisation: `name` as prose writes it (with its article), an optional acronym that is
/// defined at first mention, the country it belongs to (by tag) and the topics it figures in.
pub(super) struct OrgDef {
    pub name: &'static str,
    pub acronym: Option<&'static str>,
    pub kind: OrgKind,
    pub region: Option<&'static str>,
    pub topics: &'static [&'static str],
}

macro_rules! org {
    ($name:expr, $acr:expr, $kind:ident, $region:expr, [$($t:expr),*]) => {
        OrgDef { name: $name, acronym: $acr, kind: OrgKind::$kind, region: $region, topics: &[$($t),*] }
    };
}

const ARAB: &str = "Arab & Islamic Politics";
const TERROR: &str = "Terrorism";
const MIL: &str = "Military & Security";
const ECON: &str = "Energy & Economics";
const NUKE: &str = "Proliferation";
const DEMO: &str = "Democracy & Reform";
const SANC: &str = "Sanctions";
const GREAT: &str = "Great Power Competition";
const HUM: &str = "Humanitarian Issues";
const WATER: &str = "Water & Climate";
const PEACE: &str = "Peace Process";
const USPOL: &str = "U.S. Policy";
const RIGHTS: &str = "Human Rights";
const PROXY: &str = "Militias & Proxy Forces";
const SEA: &str = "Shipping & Maritime Security";
const CYBER: &str = "Cyber & Technology";

/// Organisations: real international bodies and ministries as settings, invented groups,
/// parties, companies and monitors as actors.
pub(super) const ORGS: &[OrgDef] = &[
    org!(
        "the International Atomic Energy Agency",
        Some("IAEA"),
        International,
        None,
        [NUKE, USPOL]
    ),
    org!(
        "the UN Security Council",
        None,
        International,
        None,
        [USPOL, PEACE, HUM, NUKE]
    ),
    org!(
        "the International Monetary Fund",
        Some("IMF"),
        International,
        None,
        [ECON, DEMO]
    ),
    org!(
        "the World Bank",
        None,
        International,
        None,
        [ECON, WATER, HUM]
    ),
    org!(
        "the Gulf Cooperation Council",
        Some("GCC"),
        International,
        None,
        [ARAB, MIL, ECON]
    ),
    org!("the Arab League", None, International, None, [ARAB, PEACE]),
    org!(
        "the European Union",
        Some("EU"),
        International,
        None,
        [HUM, SANC, NUKE, GREAT]
    ),
    org!(
        "the Organization of the Petroleum Exporting Countries",
        Some("OPEC"),
        International,
        None,
        [ECON]
    ),
    org!(
        "the Financial Action Task Force",
        Some("FATF"),
        International,
        None,
        [SANC, TERROR]
    ),
    org!(
        "the World Food Programme",
        Some("WFP"),
        International,
        None,
        [HUM, WATER]
    ),
    org!(
        "the UN refugee agency",
        None,
        International,
        None,
        [HUM, RIGHTS]
    ),
    org!(
        "the U.S. Treasury Department",
        None,
        International,
        None,
        [SANC, USPOL, TERROR]
    ),
    org!(
        "U.S. Central Command",
        Some("CENTCOM"),
        International,
        None,
        [MIL, USPOL, SEA]
    ),
    org!(
        "the Shanghai Cooperation Organisation",
        Some("SCO"),
        International,
        None,
        [GREAT]
    ),
    org!(
        "the Iraqi Ministry of Oil",
        None,
        Ministry,
        Some("Iraq"),
        [ECON]
    ),
    org!(
        "the Iranian Ministry of Intelligence",
        None,
        Ministry,
        Some("Iran"),
        [MIL, TERROR, RIGHTS, CYBER]
    ),
    org!(
        "the Supreme Council for Border Security",
        Some("SCBS"),
        Ministry,
        Some("Iran"),
        [MIL, PROXY, TERROR]
    ),
    org!(
        "the Pakistani Ministry of Interior",
        None,
        Ministry,
        Some("Pakistan"),
        [TERROR, MIL]
    ),
    org!(
        "the Saudi Ministry of Energy",
        None,
        Ministry,
        Some("Saudi Arabia"),
        [ECON, WATER]
    ),
    org!(
        "the Egyptian Ministry of Water Resources and Irrigation",
        None,
        Ministry,
        Some("Egypt"),
        [WATER]
    ),
    org!(
        "the Turkish Ministry of National Defense",
        None,
        Ministry,
        Some("Turkey"),
        [MIL]
    ),
    org!(
        "the Jordanian Ministry of Planning",
        None,
        Ministry,
        Some("Jordan"),
        [HUM, ECON]
    ),
    org!(
        "the Afghan Ministry of Mines and Petroleum",
        None,
        Ministry,
        Some("Afghanistan"),
        [ECON, GREAT]
    ),
    org!(
        "the Lebanese Ministry of Finance",
        None,
        Ministry,
        Some("Lebanon"),
        [ECON, SANC]
    ),
    org!(
        "the Israeli Ministry of Defense",
        None,
        Ministry,
        Some("Israel"),
        [MIL, CYBER, PEACE]
    ),
    org!(
        "the Libyan Coast Guard",
        None,
        Ministry,
        Some("Libya"),
        [HUM, SEA]
    ),
    org!(
        "the Euphrates Guardians Brigade",
        Some("EGB"),
        Militia,
        Some("Iraq"),
        [PROXY, MIL, TERROR]
    ),
    org!(
        "Kataib Sayf al-Haqq",
        Some("KSH"),
        Militia,
        Some("Iraq"),
        [PROXY, MIL, USPOL]
    ),
    org!(
        "the Northern Mountains Front",
        Some("NMF"),
        Militia,
        Some("Syria"),
        [MIL, PROXY]
    ),
    org!(
        "Jaysh al-Sahil",
        None,
        Militia,
        Some("Syria"),
        [PROXY, MIL, TERROR]
    ),
    org!(
        "the Cedar Defense Units",
        Some("CDU"),
        Militia,
        Some("Lebanon"),
        [PROXY, MIL]
    ),
    org!(
        "the Hadramawt Coastal Forces",
        Some("HCF"),
        Militia,
        Some("Yemen"),
        [MIL, PROXY, SEA]
    ),
    org!(
        "the Tihama Resistance",
        None,
        Militia,
        Some("Yemen"),
        [PROXY, SEA, TERROR]
    ),
    org!(
        "the Southern Tribal Alliance",
        Some("STA"),
        Militia,
        Some("Libya"),
        [MIL, PROXY]
    ),
    org!(
        "the Fezzan Shield Battalion",
        None,
        Militia,
        Some("Libya"),
        [PROXY, HUM]
    ),
    org!(
        "the Baluch Liberation Vanguard",
        Some("BLV"),
        Militia,
        Some("Pakistan"),
        [TERROR, MIL]
    ),
    org!(
        "Tehrik-e-Inqilab-e-Sarhad",
        Some("TIS"),
        Militia,
        Some("Pakistan"),
        [TERROR]
    ),
    org!(
        "the Khorasan Martyrs Brigade",
        Some("KMB"),
        Militia,
        Some("Afghanistan"),
        [TERROR, MIL]
    ),
    org!(
        "the Hindu Kush Resistance Council",
        Some("HKRC"),
        Militia,
        Some("Afghanistan"),
        [MIL, PROXY]
    ),
    org!("Ansar al-Wadi", None, Militia, Some("Syria"), [TERROR]),
    org!(
        "the Sahel Mujahideen Council",
        Some("SMC"),
        Militia,
        Some("Algeria"),
        [TERROR]
    ),
    org!(
        "the Sinai Vanguard",
        None,
        Militia,
        Some("Egypt"),
        [TERROR, MIL]
    ),
    org!(
        "the Darfur Border Battalions",
        Some("DBB"),
        Militia,
        Some("Sudan"),
        [PROXY, HUM, MIL]
    ),
    org!(
        "the Ahvaz Popular Front",
        Some("APF"),
        Militia,
        Some("Iran"),
        [TERROR, RIGHTS]
    ),
    org!(
        "the Coalition for Sovereignty and Reform",
        Some("CSR"),
        Party,
        Some("Iraq"),
        [ARAB, DEMO]
    ),
    org!(
        "the Kurdistan Civic Movement",
        Some("KCM"),
        Party,
        Some("Iraq"),
        [DEMO, ARAB]
    ),
    org!(
        "the Principlist Renewal Front",
        None,
        Party,
        Some("Iran"),
        [ARAB, DEMO]
    ),
    org!(
        "the Association of Reform Pathways",
        None,
        Party,
        Some("Iran"),
        [DEMO, RIGHTS]
    ),
    org!(
        "the Cedar Unity Bloc",
        None,
        Party,
        Some("Lebanon"),
        [ARAB, DEMO, ECON]
    ),
    org!(
        "the Justice and Dignity Movement",
        Some("JDM"),
        Party,
        Some("Egypt"),
        [DEMO, ARAB]
    ),
    org!(
        "the Nile Civic Alliance",
        Some("NCA"),
        Party,
        Some("Sudan"),
        [DEMO, HUM]
    ),
    org!(
        "the Carthage Civic Union",
        Some("CCU"),
        Party,
        Some("Tunisia"),
        [DEMO, ARAB]
    ),
    org!(
        "the Atlas Progress Party",
        None,
        Party,
        Some("Morocco"),
        [DEMO, ECON]
    ),
    org!(
        "the Anatolian Future Party",
        None,
        Party,
        Some("Turkey"),
        [ARAB, DEMO]
    ),
    org!(
        "the Palestinian National Renewal List",
        None,
        Party,
        Some("Palestinians"),
        [PEACE, DEMO]
    ),
    org!(
        "the Jordanian Unity Current",
        None,
        Party,
        Some("Jordan"),
        [DEMO, ARAB]
    ),
    org!(
        "Zagros Basin Energy",
        Some("ZBE"),
        Company,
        Some("Iran"),
        [ECON, SANC]
    ),
    org!(
        "the Tigris Pipeline Company",
        None,
        Company,
        Some("Iraq"),
        [ECON]
    ),
    org!(
        "Red Sea Logistics Group",
        None,
        Company,
        Some("Egypt"),
        [SEA, ECON]
    ),
    org!(
        "Hormuz Maritime Services",
        None,
        Company,
        Some("United Arab Emirates"),
        [SEA, SANC]
    ),
    org!(
        "Crescent Grid Holdings",
        None,
        Company,
        Some("Jordan"),
        [ECON, WATER]
    ),
    org!(
        "Sahara Solar Partners",
        None,
        Company,
        Some("Morocco"),
        [WATER, ECON]
    ),
    org!(
        "Levant Mobile Networks",
        None,
        Company,
        Some("Lebanon"),
        [CYBER, ECON]
    ),
    org!(
        "the Caspian Rail Consortium",
        None,
        Company,
        Some("Iran"),
        [GREAT, ECON]
    ),
    org!(
        "Indus Power Corporation",
        Some("IPC"),
        Company,
        Some("Pakistan"),
        [ECON, WATER]
    ),
    org!(
        "Gulf Falcon Aerospace",
        None,
        Company,
        Some("United Arab Emirates"),
        [MIL, CYBER]
    ),
    org!(
        "the Amu Darya Mining Company",
        None,
        Company,
        Some("Afghanistan"),
        [ECON, GREAT]
    ),
    org!(
        "Qanat Water Technologies",
        None,
        Company,
        Some("Iran"),
        [WATER, CYBER]
    ),
    org!(
        "the Bekaa Exchange House",
        None,
        Company,
        Some("Lebanon"),
        [SANC, TERROR]
    ),
    org!(
        "Dilmun Digital Security",
        None,
        Company,
        Some("Bahrain"),
        [CYBER, RIGHTS]
    ),
    org!(
        "the Silk Corridor Construction Group",
        Some("SCCG"),
        Company,
        Some("China"),
        [GREAT, ECON]
    ),
    org!(
        "Northstar Defense Exports",
        None,
        Company,
        Some("Russia"),
        [GREAT, MIL]
    ),
    org!(
        "the Tigris Human Rights Observatory",
        None,
        Civic,
        Some("Iraq"),
        [RIGHTS, DEMO]
    ),
    org!(
        "the Levant Documentation Center",
        None,
        Civic,
        Some("Syria"),
        [RIGHTS, HUM]
    ),
    org!(
        "the Maghreb Migration Monitor",
        None,
        Civic,
        Some("Tunisia"),
        [HUM, RIGHTS]
    ),
    org!(
        "the Helmand Water Users Association",
        None,
        Civic,
        Some("Afghanistan"),
        [WATER]
    ),
    org!(
        "the Gulf Labor Rights Network",
        None,
        Civic,
        Some("Qatar"),
        [RIGHTS, ECON]
    ),
];

/// A topic tag with the vocabulary that marks briefs filed under it.
pub(super) struct TopicDef {
    /// Facet name under TOPICS.
    pub name: &'static str,
    /// Noun phrases that fit "on …", "over …" (`|`-separated), most typical first.
    pub terms: &'static str,
    /// Single nouns in the singular that the topic's prose leans on.
    pub words: &'static str,
    /// Kinds of people briefs on this topic quote.
    pub roles: &'static [RoleKind],
    /// Relative share of briefs.
    pub weight: u32,
}

use RoleKind::*;

/// The topics, most common first.
pub(super) const TOPICS: &[TopicDef] = &[
    TopicDef {
        name: ARAB,
        terms: "government formation|sectarian politics|tribal mediation|clerical authority|patronage networks|succession planning|the quota system|Islamist parties|parliamentary coalitions|religious endowments|constitutional reform|Friday sermons|decentralization|political Islam|street protests|the role of the seminaries",
        words: "cleric sect mosque sermon faction cabinet tribe sheikh ideology legitimacy! succession patronage! caucus endowment seminary notable elite Islamist loyalist hardliner movement coalition",
        roles: &[Politics, Religious, Diplomat],
        weight: 22,
    },
    TopicDef {
        name: TERROR,
        terms: "jihadist recruitment|foreign fighters|detention camps|online propaganda|external operations|terrorist financing|the repatriation of detainees|prison breaks|insurgent safe havens|kidnapping for ransom|deradicalization programs|cross-border attacks|suicide bombings",
        words: "jihadist militant cell insurgency bomber recruit propaganda! operative franchise affiliate plot ambush detainee camp emir raid hostage ideologue network attack",
        roles: &[Militant, Security],
        weight: 20,
    },
    TopicDef {
        name: MIL,
        terms: "air defense|border security|military modernization|force posture|drone warfare|arms transfers|joint exercises|basing rights|missile defense|security sector reform|counterinsurgency operations|command and control",
        words: "brigade battalion drone missile garrison airbase deterrence! exercise artillery! convoy patrol airstrike officer arsenal interceptor frontline regiment radar",
        roles: &[Military, Security, Diplomat],
        weight: 18,
    },
    TopicDef {
        name: ECON,
        terms: "oil exports|natural gas production|electricity shortages|currency devaluation|fuel subsidies|foreign investment|debt restructuring|refinery capacity|the budget deficit|inflation|youth unemployment|privatization|pipeline projects",
        words: "barrel refinery pipeline subsidy tariff inflation! investor export revenue loan grid wage bond exporter creditor lender megawatt",
        roles: &[Energy, Economy, Business],
        weight: 15,
    },
    TopicDef {
        name: NUKE,
        terms: "uranium enrichment|centrifuge production|IAEA inspections|weapons-grade material|the nuclear file|safeguards obligations|ballistic missile development|breakout time|snapback sanctions|civil nuclear cooperation|heavy water production",
        words: "centrifuge enrichment! reactor inspector warhead breakout isotope cascade verification! inspection uranium! plutonium! monitoring! enricher",
        roles: &[Diplomat, Security],
        weight: 8,
    },
    TopicDef {
        name: DEMO,
        terms: "electoral reform|judicial independence|anticorruption campaigns|press freedom|civil society|municipal elections|constitutional amendments|the transition to civilian rule|political liberalization|voter turnout",
        words: "ballot turnout! referendum constitution judiciary legislature activist watchdog accountability! corruption! candidate voter electorate",
        roles: &[Politics, Rights],
        weight: 9,
    },
    TopicDef {
        name: SANC,
        terms: "sanctions enforcement|oil smuggling|front companies|money laundering|secondary sanctions|illicit finance|ship-to-ship transfers|exchange houses|export controls|humanitarian exemptions|asset freezes",
        words: "designation waiver exemption evasion! tanker remittance smuggler financier license compliance! penalty launderer courier",
        roles: &[Economy, Business, Diplomat],
        weight: 9,
    },
    TopicDef {
        name: GREAT,
        terms: "Chinese investment|Russian arms sales|port concessions|strategic partnerships|technology transfers|great power rivalry|security guarantees|mediation efforts|alliance commitments|the Belt and Road Initiative",
        words: "superpower patron client rival concession corridor port guarantee alignment mediator outreach! summit competitor",
        roles: &[Diplomat, Business],
        weight: 8,
    },
    TopicDef {
        name: HUM,
        terms: "refugee returns|food insecurity|cross-border aid|displacement|reconstruction funding|cholera outbreaks|humanitarian access|camp conditions|the wheat supply|irregular migration|resettlement quotas",
        words: "refugee camp donor shelter famine aid! migrant relief! vaccination returnee asylum hospital ration clinic",
        roles: &[Rights, Politics, Diplomat],
        weight: 10,
    },
    TopicDef {
        name: WATER,
        terms: "water scarcity|dam construction|drought|groundwater depletion|heat waves|transboundary rivers|desalination capacity|dust storms|agricultural collapse|water-sharing agreements|climate adaptation",
        words: "dam reservoir drought river aquifer irrigation! basin rainfall! wetland harvest flood heatwave canal watershed farmer",
        roles: &[Energy, Politics, Economy],
        weight: 7,
    },
    TopicDef {
        name: PEACE,
        terms: "normalization|ceasefire talks|prisoner exchanges|settlement expansion|security coordination|reconstruction in Gaza|Palestinian reconciliation|confidence-building measures|final-status issues|the two-state solution",
        words: "negotiator normalization! settlement truce mediator reconciliation prisoner roadmap accord signatory",
        roles: &[Diplomat, Politics],
        weight: 8,
    },
    TopicDef {
        name: USPOL,
        terms: "U.S. force posture|congressional oversight|security assistance|counterterrorism cooperation|troop withdrawals|arms sales|diplomatic engagement|U.S. credibility|presidential waivers|the annual defense authorization",
        words: "administration envoy waiver appropriation oversight! testimony withdrawal credibility policymaker embassy",
        roles: &[Diplomat, Military],
        weight: 10,
    },
    TopicDef {
        name: RIGHTS,
        terms: "arbitrary detention|executions|torture allegations|freedom of expression|the treatment of minorities|women's rights|enforced disappearances|internet shutdowns|death sentences|labor rights",
        words: "detainee prisoner execution activist lawyer journalist minority dissident trial verdict abuse censorship! protester",
        roles: &[Rights, Religious, Security],
        weight: 8,
    },
    TopicDef {
        name: PROXY,
        terms: "militia integration|proxy warfare|weapons smuggling|the state's monopoly on force|armed factions|militia economies|drone attacks on bases|parallel command structures|cross-border supply lines|payroll fraud",
        words: "militia proxy faction commander fighter patron smuggling! payroll warlord arsenal sponsor auxiliary militiaman",
        roles: &[Militant, Security, Military],
        weight: 9,
    },
    TopicDef {
        name: SEA,
        terms: "freedom of navigation|tanker seizures|maritime interdictions|port security|shipping insurance premiums|naval escorts|mine clearance|attacks on commercial vessels|the Bab al-Mandab|the Strait of Hormuz|Suez Canal revenues",
        words: "tanker vessel port strait frigate convoy cargo shipping! mine insurer crew coastline interdiction harbor",
        roles: &[Military, Business, Security],
        weight: 6,
    },
    TopicDef {
        name: CYBER,
        terms: "cyberattacks|surveillance technology|digital repression|ransomware campaigns|internet censorship|critical infrastructure|spyware exports|hack-and-leak operations|semiconductor supply chains|data localization",
        words: "hacker malware spyware server breach encryption! surveillance! platform satellite software! firewall algorithm telecom",
        roles: &[Security, Business, Rights],
        weight: 5,
    },
];

/// A Larkspur Institute expert: byline name, the shorter name taglines use, the title held,
/// the rest of the bio sentence, and the countries and topics the expert covers.
pub(super) struct ExpertDef {
    pub name: &'static str,
    pub short: &'static str,
    pub title: &'static str,
    pub focus: &'static str,
    pub regions: &'static [&'static str],
    pub topics: &'static [&'static str],
}

macro_rules! expert {
    ($name:expr, $short:expr, $title:expr, $focus:expr, [$($r:expr),*], [$($t:expr),*]) => {
        ExpertDef { name: $name, short: $short, title: $title, focus: $focus, regions: &[$($r),*], topics: &[$($t),*] }
    };
}

/// The experts, most prolific first.
pub(super) const EXPERTS: &[ExpertDef] = &[
    expert!("Dana K. Whitfield", "Dana Whitfield", "the Harriet Lowell Fellow",
        "her research covers Iraqi politics, armed factions, and the competition for influence between Baghdad and its neighbors",
        ["Iraq", "Iran", "Syria"], [PROXY, ARAB, MIL]),
    expert!("Omar Haddad", "Omar Haddad", "a senior fellow",
        "he writes on Syria, Lebanon, and Jordan, with a focus on displacement, reconstruction, and the politics of aid",
        ["Syria", "Lebanon", "Jordan"], [HUM, ARAB, RIGHTS]),
    expert!("Farzaneh Tavakoli", "Farzaneh Tavakoli", "the Baxter Fellow",
        "her work examines the Iranian economy, sanctions policy, and the domestic politics of the nuclear file",
        ["Iran"], [SANC, ECON, NUKE]),
    expert!("Samuel R. Ostrander", "Sam Ostrander", "the director of the Military and Security Studies Program",
        "he draws on two decades as a naval officer with assignments across the Gulf and the Red Sea",
        ["Saudi Arabia", "United Arab Emirates", "Yemen", "Iran", "Qatar"], [MIL, SEA, USPOL]),
    expert!("Jonah Pelletier", "Jonah Pelletier", "the Renner Fellow",
        "he studies jihadist movements, their online ecosystems, and the afterlife of the foreign fighter phenomenon",
        ["Syria", "Iraq", "Afghanistan", "Libya"], [TERROR, PROXY]),
    expert!("Nadia Ait Hamou", "Nadia Ait Hamou", "a fellow",
        "her research focuses on governance, migration, and security in North Africa",
        ["Libya", "Tunisia", "Algeria", "Morocco"], [DEMO, HUM, TERROR]),
    expert!("Asad Cheema", "Asad Cheema", "a senior fellow",
        "his research covers militancy and civil-military relations in Pakistan and Afghanistan",
        ["Pakistan", "Afghanistan", "India"], [TERROR, MIL, GREAT]),
    expert!("Rebecca Lindqvist", "Rebecca Lindqvist", "the Aldridge Fellow",
        "she studies Russian and Chinese policy in the Middle East and its consequences for American partners",
        ["Russia", "China", "Iran", "Syria", "Saudi Arabia"], [GREAT, USPOL, ECON]),
    expert!("Mariam al-Sabbagh", "Mariam al-Sabbagh", "the Corwin Fellow",
        "her research focuses on Gulf politics, state-led economic diversification, and relations among the Gulf monarchies",
        ["Saudi Arabia", "Qatar", "United Arab Emirates", "Kuwait", "Bahrain", "Oman"], [ARAB, ECON, GREAT]),
    expert!("Yoav Katzir", "Yoav Katzir", "a visiting fellow",
        "he writes on Israeli-Palestinian security arrangements after a career as a government adviser",
        ["Israel", "Palestinians", "Lebanon", "Jordan"], [PEACE, MIL]),
    expert!("Grant W. Heller", "Grant Heller", "a distinguished fellow",
        "he draws on long government service working on Iran, Iraq, and nonproliferation",
        ["Iran", "Iraq", "Syria", "Israel"], [USPOL, SANC, NUKE]),
    expert!("Kaveh Rostami-Far", "Kaveh Rostami-Far", "an adjunct fellow",
        "he writes on Iranian domestic politics, protest movements, and human rights",
        ["Iran"], [RIGHTS, DEMO, ARAB]),
    expert!("Selin Aydemir", "Selin Aydemir", "a senior fellow",
        "her research focuses on Turkish foreign policy and Turkey's role in Syria and Iraq",
        ["Turkey", "Syria", "Iraq"], [ARAB, MIL, GREAT]),
    expert!("Elena Marchetti", "Elena Marchetti", "a visiting fellow",
        "she studies migration routes across the Mediterranean and the policies of transit states",
        ["Libya", "Tunisia", "Turkey", "Syria"], [HUM, RIGHTS]),
    expert!("Daniel Okafor", "Daniel Okafor", "the Pemberton Fellow",
        "he specializes in maritime security in the Red Sea, the Gulf of Aden, and the Gulf",
        ["Yemen", "Egypt", "Oman", "United Arab Emirates", "Iran"], [SEA, MIL]),
    expert!("Peter V. Albrecht", "Peter Albrecht", "the Hollings Fellow",
        "he analyzes oil and gas markets and the economic policies of energy producers",
        ["Saudi Arabia", "Iraq", "Qatar", "United Arab Emirates", "Algeria", "Libya"], [ECON, WATER, SANC]),
    expert!("Ruth Abramowitz", "Ruth Abramowitz", "a senior fellow",
        "she focuses on nuclear nonproliferation and missile programs in the Middle East",
        ["Iran", "Saudi Arabia", "Israel", "Turkey"], [NUKE, USPOL, MIL]),
    expert!("Mina Sultani", "Mina Sultani", "a research fellow",
        "her work covers Afghanistan, Central Asia, and the regional politics of water",
        ["Afghanistan", "Tajikistan", "Uzbekistan", "Iran"], [WATER, RIGHTS, TERROR]),
    expert!("Abdul Wahab Noorzai", "Abdul Wahab Noorzai", "a fellow",
        "he writes on Afghan politics and the country's relations with its neighbors after a career in diplomacy",
        ["Afghanistan", "Pakistan", "Tajikistan"], [ARAB, TERROR, RIGHTS]),
    expert!("Nour El Idrissi", "Nour El Idrissi", "an adjunct fellow",
        "she studies water policy, food security, and political reform in Egypt and Sudan",
        ["Egypt", "Sudan", "Libya"], [WATER, DEMO, HUM]),
    expert!("Khalid bin Nasser al-Harthy", "Khalid al-Harthy", "a visiting fellow",
        "he writes on Gulf diplomacy, mediation, and the security of the Arabian Sea",
        ["Oman", "Yemen", "Iran", "Saudi Arabia"], [PEACE, ARAB, SEA]),
    expert!("Tomas Echeverria", "Tomas Echeverria", "a fellow",
        "he researches cyber operations, surveillance technology, and digital authoritarianism",
        ["Iran", "Israel", "United Arab Emirates", "China", "Egypt"], [CYBER, RIGHTS]),
    expert!("Layla Haddad-Nasser", "Layla Haddad-Nasser", "the Evers Fellow",
        "she writes on Lebanese politics, banking, and the economics of state collapse",
        ["Lebanon", "Syria", "Jordan"], [ECON, SANC, DEMO]),
    expert!("Hana Qassab", "Hana Qassab", "a research assistant",
        "she supports the Institute's work on Syria and Lebanon",
        ["Syria", "Lebanon"], [HUM, RIGHTS, ARAB]),
];

/// Officials of the United States and international bodies: role, country they deal with
/// (by tag, or none), kind, and an honorific used in short mentions.
pub(super) const INTERNATIONAL_ROLES: &[(&str, Option<&str>, RoleKind, Option<&str>)] = &[
    (
        "U.S. special envoy for Syria",
        Some("Syria"),
        Diplomat,
        None,
    ),
    ("U.S. special envoy for Iran", Some("Iran"), Diplomat, None),
    ("UN special envoy for Yemen", Some("Yemen"), Diplomat, None),
    (
        "U.S. ambassador to Iraq",
        Some("Iraq"),
        Diplomat,
        Some("Ambassador"),
    ),
    ("UN envoy for Libya", Some("Libya"), Diplomat, None),
    ("CENTCOM commander", None, Military, Some("Gen.")),
    ("State Department spokesperson", None, Diplomat, None),
    ("senior Treasury official", None, Economy, None),
    (
        "U.S. special representative for Afghanistan",
        Some("Afghanistan"),
        Diplomat,
        None,
    ),
    ("IAEA chief inspector", Some("Iran"), Security, None),
    (
        "U.S. ambassador to Pakistan",
        Some("Pakistan"),
        Diplomat,
        Some("Ambassador"),
    ),
    (
        "World Bank country director for Egypt",
        Some("Egypt"),
        Economy,
        None,
    ),
    (
        "EU special representative for the Middle East peace process",
        Some("Palestinians"),
        Diplomat,
        None,
    ),
];

/// Invented publications that op-eds were "originally published" in.
pub(super) const OUTLETS: &[&str] = &[
    "the Oxbow Review",
    "Halcyon Weekly",
    "the Gulf Ledger",
    "Foreign Desk Quarterly",
    "the Crossroads Journal",
    "Harborline",
];

/// Invented members of Congress, addressed in testimony.
pub(super) const LAWMAKERS: &[&str] = &[
    "Harlan",
    "Pryor",
    "Ashworth",
    "Calloway",
    "Redmond",
    "Fairbanks",
    "Holloway",
    "Sandoval",
];
