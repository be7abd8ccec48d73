//! Organisations: real international bodies and ministries as settings, invented armed groups,
//! parties, companies and monitors as actors, each tied to a country and to topics.

use super::topics::{
    ARAB, CYBER, DEMO, ECON, GREAT, HUM, MIL, NUKE, PEACE, PROXY, RIGHTS, SANC, SEA, TERROR, USPOL,
    WATER,
};
use super::OrgKind;

/// An organisation: `name` as prose writes it (with its article), an optional acronym that is
/// defined at first mention, the country it belongs to (by tag) and the topics it figures in.
pub(crate) struct OrgDef {
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
/// Organisations: real international bodies and ministries as settings, invented groups,
/// parties, companies and monitors as actors.
pub(crate) const ORGS: &[OrgDef] = &[
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
