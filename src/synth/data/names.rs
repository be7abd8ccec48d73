//! Given names and family names for each naming tradition, from which the cast's names are
//! invented (see `synth::names`).

use super::Culture::{self, *};

/// Given names and family names of one naming tradition, separated by white space; `_` joins
/// a two-word name ("Fatima_Zahra").
pub(crate) struct NameParts {
    pub culture: Culture,
    pub men: &'static str,
    pub women: &'static str,
    pub family: &'static str,
}

/// Name parts for every tradition. Surnames of well-known public figures are left out.
pub(crate) const NAMES: &[NameParts] = &[
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
