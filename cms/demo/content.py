"""The demo content: the seed page (shared/seed/cohesion-alliance-page-lv.txt) in English, the
source language, and in Latvian, its translation.

Latvian texts are the seed's own; English texts translate them. Titles that the seed shows in
English on the Latvian page (videos, episodes, some documents) stay in English in both. Where the
seed gives no date, the date keeps the seed's order (newest first); summaries the seed does not
give are one-sentence descriptions of what the title says.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class T:
    """A text in English and in Latvian."""

    en: str
    lv: str


def same(text):
    """A text the seed shows untranslated on the Latvian page (a title or a name)."""
    return T(text, text)


D = datetime.date

ALLIANCE = {
    "title": T("Cohesion Alliance", "Kohēzijas alianse"),
    "slug": T("home", "sakums"),
    "seo_title": T(
        "#CohesionAlliance – for a strong EU cohesion policy",
        "#CohesionAlliance – par spēcīgu ES kohēzijas politiku",
    ),
    "search_description": T(
        "The #CohesionAlliance of the European Committee of the Regions and Europe's city and "
        "region associations calls for a strong EU cohesion policy after 2027. Sign the Joint Call.",
        "Eiropas Reģionu komitejas un Eiropas pilsētu un reģionu apvienību #CohesionAlliance "
        "aicina pēc 2027. gada saglabāt spēcīgu ES kohēzijas politiku. Parakstiet Kopīgo aicinājumu.",
    ),
    "introduction": [
        T(
            "The European Committee of the Regions is the assembly of the European Union's elected "
            "local and regional leaders. It provides institutional representation for all the "
            "territories, regions, cities and municipalities of the European Union. 9–10 March 2024 "
            "marks the 30th anniversary of its first plenary session, addressed by the President of "
            "the European Commission, Jacques Delors. Our main building is named after him.",
            "Eiropas Reģionu komiteja ir ievēlēto Eiropas Savienības vietējo un reģionālo līderu "
            "asambleja. Tā nodrošina visu Eiropas Savienības teritoriju, reģionu, pilsētu un vietējo "
            "pašvaldību institucionālo pārstāvību. 2024. gada 9.–10. martā aprit 30. gadadiena kopš "
            "pirmās plenārsesijas, kurā ar uzrunu uzstājās Eiropas Komisijas priekšsēdētājs Jacques "
            "Delors. Mūsu galvenā ēka ir nosaukta viņa vārdā.",
        ),
        T(
            "In 2022 the Cohesion Alliance (the Alliance) started a new phase of mobilisation to "
            "strengthen cohesion policy. In March 2024, at the 10th European Summit of Regions and "
            "Cities, it launched a JOINT CALL to the institutions of the European Union and to "
            "national governments to keep cohesion policy as the foundation of the EU's development "
            "model in the next decade too. The call, which is open for signature, stresses how "
            "important it is to keep cohesion policy as the EU budget's main long-term, "
            "decentralised investment policy for the period after 2027.",
            "2022. gadā Kohēzijas alianse (Alianse) uzsāka jaunu mobilizācijas posmu, lai stiprinātu "
            "kohēzijas politiku. 2024. gada martā, 10. Eiropas Reģionu un pilsētu samitā, tā nāca "
            "klajā ar KOPĪGU AICINĀJUMU Eiropas Savienības iestādēm un valstu valdībām, lai "
            "kohēzijas politiku saglabātu kā ES attīstības modeļa pamatu arī nākamajā desmitgadē. "
            "Aicinājumā, kas ir pieejams parakstīšanai, norādīts, cik svarīgi ir saglabāt kohēzijas "
            "politiku kā galveno ES budžeta ilgtermiņa un decentralizēto ieguldījumu politiku "
            "laikposmam pēc 2027. gada.",
        ),
    ],
    "hero_alt": T(
        "Flags of the European Union in front of the Jacques Delors building",
        "Eiropas Savienības karogi pie Jacques Delors ēkas",
    ),
    "story_heading": T("What is the Cohesion Alliance?", "Kas ir Kohēzijas alianse?"),
    "story": [
        T(
            "In October 2017 the European Committee of the Regions and Europe's leading "
            "associations of cities and regions set up the Cohesion Alliance (#CohesionAlliance). "
            "Since its launch, the Alliance has brought together more than 12 000 individual "
            "signatories, regions, cities and counties, associations of regional and local "
            "authorities, Members of the European Parliament and EU sector associations.",
            "2017. gada oktobrī Eiropas Reģionu komiteja un vadošās Eiropas pilsētu un reģionu "
            "apvienības izveidoja Kohēzijas aliansi (#CohesionAlliance). Kopš brīža, kad Alianse "
            "uzsāka darbību, tā ir pulcējusi vienkop vairāk nekā 12 000 individuālu parakstītāju, "
            "reģionu, pilsētu un apgabalu, reģionālo un vietējo pašvaldību apvienību, Eiropas "
            "Parlamenta deputātu un ES nozaru apvienību.",
        ),
        T(
            "New extraordinary circumstances – the COVID-19 pandemic, Russia's war against Ukraine "
            "and the ongoing climate crisis – led its members to start a new phase of the Alliance "
            "in 2022 by signing a declaration that renews their commitment to strengthening "
            "cohesion policy and making sure it meets the European Union's new challenges.",
            "Jaunie ārkārtas apstākļi – Covid-19 pandēmija, Krievijas karš pret Ukrainu un "
            "pašreizējā klimata krīze – lika dalībniekiem 2022. gadā aizsākt jaunu posmu Alianses "
            "darbībā, parakstot deklarāciju, kurā atkārtoti apliecināta apņemšanās stiprināt "
            "kohēzijas politiku un gādāt, lai tā atbilstu jaunajiem Eiropas Savienības uzdevumiem.",
        ),
        T(
            "Today, ahead of the decisive negotiations on the next EU budget, the "
            "#CohesionAlliance is more convinced than ever that a strong cohesion policy is needed.",
            "Šodien – pirms izšķirošajām sarunām par nākamo ES budžetu – #CohesionAlliance ir vēl "
            "stingrāk pārliecināta par to, ka ir vajadzīga spēcīga kohēzijas politika.",
        ),
        T(
            "“A renewed cohesion policy post-2027 that leaves no one behind” is the title of the "
            "call launched at the 10th European Summit of Regions and Cities in Mons (Belgium) to "
            "reaffirm that all territories matter, whether they are in richer or poorer countries.",
            "“Atjaunināta kohēzijas politika pēc 2027. gada – politika, kas nevienu neatstāj "
            "novārtā” ir nosaukums uzaicinājumam, kas tika izsludināts 10. Eiropas Reģionu un "
            "pilsētu samitā Monsā (Beļģijā), lai atkārtoti apstiprinātu, ka visas teritorijas ir "
            "svarīgas neatkarīgi no tā, vai tās atrodas bagātākās vai nabadzīgākās valstīs.",
        ),
        T(
            "Everyone who supports a stronger cohesion policy, based on territorial needs and still "
            "available to all regions, is invited to sign the JOINT CALL. The Alliance urges the "
            "EU institutions and national governments to draw up a comprehensive EU agenda centred "
            "on strengthening social, economic and territorial cohesion.",
            "Ikviens, kurš ir par spēcīgāku kohēzijas politiku, kas balstīta uz teritoriālām "
            "vajadzībām un joprojām ir pieejama visiem reģioniem, tiek aicināts parakstīt KOPĪGO "
            "AICINĀJUMU. Alianse mudina ES iestādes un valstu valdības izstrādāt visaptverošu ES "
            "programmu, kuras centrā būtu sociālās, ekonomiskās un teritoriālās kohēzijas "
            "stiprināšana.",
        ),
    ],
    "call_heading": T(
        "Joint Call “A renewed cohesion policy post-2027 that leaves no one behind”",
        "Kopīgais aicinājums “Atjaunināta kohēzijas politika pēc 2027. gada – politika, kas "
        "nevienu neatstāj novārtā”",
    ),
    "stories_heading": T("Stories", "Stāsti"),
    "toolkit_heading": T("Branding guidelines and toolkit", "Zīmolrades pamatnostādnes un rīkkopa"),
    "toolkit_text": T(
        "Here you will find, in one place, all the #CohesionAlliance documents and images that "
        "will help you communicate about EU cohesion policy.",
        "Šeit vienkopus atradīsiet visus #CohesionAlliance dokumentus un attēlus, kas jums "
        "palīdzēs komunikācijā par ES kohēzijas politiku.",
    ),
    "toolkit_link": T("Open the toolkit", "Atvērt rīkkopu"),
    "videos_heading": T("Media library", "Mediatēka"),
    "podcasts_heading": T("Podcasts", "Podcasts"),
    "documents_heading": T("Documents", "Dokumenti"),
}

JOINT_CALL = {
    "title": T("Joint Call", "Kopīgais aicinājums"),
    "slug": T("joint-call", "kopigais-aicinajums"),
    "search_description": T(
        "Sign the Joint Call of the #CohesionAlliance for a renewed cohesion policy post-2027 "
        "that leaves no one behind.",
        "Parakstiet #CohesionAlliance Kopīgo aicinājumu par atjauninātu kohēzijas politiku pēc "
        "2027. gada, kas nevienu neatstāj novārtā.",
    ),
    "subtitle": T(
        "A renewed cohesion policy post-2027 that leaves no one behind",
        "Atjaunināta kohēzijas politika pēc 2027. gada – politika, kas nevienu neatstāj novārtā",
    ),
    "introduction": T(
        "Cohesion policy unites Europe and holds it together; it can mobilise and involve "
        "everyone on the way to a better quality of life for all.",
        "Kohēzijas politika vieno un satur kopā Eiropu; tā spēj mobilizēt un iesaistīt ikvienu "
        "ceļā uz labāku dzīves kvalitāti visiem.",
    ),
    "principles_heading": T("Our principles", "Mūsu principi"),
    "principles_introduction": T(
        "We therefore call for cohesion policy to remain, in the EU's multiannual financial "
        "framework for the period after 2027, a pillar of the EU's development model and of a "
        "decentralised, long-term investment policy, based on the following principles.",
        "Tāpēc aicinām ES daudzgadu finanšu shēmā laikposmam pēc 2027. gada kohēzijas politiku "
        "arī turpmāk saglabāt kā ES attīstības modeļa un decentralizētas ilgtermiņa investīciju "
        "politikas pīlāru, kura pamatā ir šādi principi.",
    ),
    "principles": [
        T(
            "A policy available to all regions, cities and municipalities.",
            "Politika, kas pieejama visiem reģioniem, pilsētām un pašvaldībām.",
        ),
        T(
            "A policy that helps strengthen social, economic and territorial cohesion in the new "
            "Green Deal industrial policy and the EU's strategic autonomy.",
            "Politika, kas palīdz stiprināt sociālo, ekonomisko un teritoriālo kohēziju jaunajā "
            "zaļā kursa rūpniecības politikā un ES stratēģisko autonomiju.",
        ),
        T(
            "A policy built on the overall objective of a just transition: the transition towards "
            "climate neutrality will affect every single territory, whatever its characteristics. "
            "We call for a renewed cohesion policy for the period after 2027 that supports "
            "tailor-made solutions based on the principles of a just transition and that is "
            "available to all regions across Europe.",
            "Politika, kuras pamatā ir tāds vispārējs mērķis kā taisnīga pārkārtošanās: "
            "pārkārtošanās virzība uz klimatneitralitāti ietekmēs katru atsevišķu teritoriju "
            "neatkarīgi no tās īpatnībām. Mēs aicinām nākt klajā ar tādu atjauninātu kohēzijas "
            "politiku laikposmam pēc 2027. gada, kas atbalsta individuāli pielāgotus risinājumus, "
            "pamatojoties uz taisnīgas pārkārtošanās principiem, un kas ir pieejama visiem "
            "reģioniem visā Eiropā.",
        ),
        T(
            "A policy based on local solutions: the diversity of territories in the European "
            "Union is an asset.",
            "Politika, kas balstīta uz vietējiem risinājumiem: teritoriju daudzveidība Eiropas "
            "Savienībā ir priekšrocība.",
        ),
        T(
            "A policy built on its golden principles: shared management, a reinforced partnership "
            "with all groups of society, and multilevel governance based on a genuine dialogue "
            "between local, regional, national and EU institutions.",
            "Politika, kuras pamatā ir tās zelta principi: dalīta pārvaldība, pastiprināta "
            "partnerība ar visām sabiedrības grupām, daudzlīmeņu pārvaldība, kas balstīta uz "
            "patiesu dialogu starp vietējām, reģionālajām, valstu un ES iestādēm.",
        ),
        T(
            "A policy based on renewed trust between the EU's different levels of governance.",
            "Politika, kuras pamatā ir jauna uzticēšanās starp dažādiem ES pārvaldības līmeņiem.",
        ),
        T(
            "A policy that strengthens territorial cooperation and supports territorial "
            "innovation and democracy.",
            "Politika, kas stiprina teritoriālo sadarbību un atbalsta teritoriālo inovāciju un "
            "demokrātiju.",
        ),
        T(
            "“Do no harm to cohesion”: all EU policies must support the strengthening of "
            "economic, social and territorial cohesion.",
            "“Nekaitēt kohēzijai”: visām ES politikas jomām ir jāatbalsta ekonomiskās, sociālās "
            "un teritoriālās kohēzijas stiprināšana.",
        ),
    ],
    "full_text": T(
        "The full text of the Joint Call, as launched at the 10th European Summit of Regions and "
        "Cities in Mons, can be downloaded in 14 languages.",
        "Kopīgā aicinājuma pilno tekstu, kas tika pasludināts 10. Eiropas Reģionu un pilsētu "
        "samitā Monsā, var lejupielādēt 14 valodās.",
    ),
    "full_text_heading": T("Download the Joint Call", "Lejupielādēt Kopīgo aicinājumu"),
    "full_text_link": T("All language versions", "Visas valodu versijas"),
    "baseline": 12_000,
    "personal_data_kept_until": D(2028, 12, 31),
}

STORY_INDEX = {
    "title": T("Stories", "Stāsti"),
    "slug": T("stories", "stasti"),
    "introduction": T(
        "How the #CohesionAlliance and its members stand up for a strong cohesion policy.",
        "Kā #CohesionAlliance un tās dalībnieki iestājas par spēcīgu kohēzijas politiku.",
    ),
}

STORIES = [
    {
        "title": T(
            "The Cohesion Alliance launches its Joint Call in Mons",
            "Kohēzijas alianse Monsā nāk klajā ar Kopīgo aicinājumu",
        ),
        "slug": T("joint-call-launched-in-mons", "kopigais-aicinajums-monsa"),
        "date": D(2024, 3, 18),
        "region": T("Mons", "Monsa"),
        "country": "BE",
        "summary": T(
            "At the 10th European Summit of Regions and Cities the Alliance called on the EU "
            "institutions and national governments to keep cohesion policy at the heart of the "
            "EU's development model after 2027.",
            "10. Eiropas Reģionu un pilsētu samitā Alianse aicināja ES iestādes un valstu "
            "valdības arī pēc 2027. gada saglabāt kohēzijas politiku ES attīstības modeļa centrā.",
        ),
        "body": [
            "story:3",
            "story:4",
        ],
    },
    {
        "title": T(
            "30 years since the first plenary session of the European Committee of the Regions",
            "30 gadi kopš Eiropas Reģionu komitejas pirmās plenārsesijas",
        ),
        "slug": T("30-years-of-the-committee-of-the-regions", "30-gadi-regionu-komitejai"),
        "date": D(2024, 3, 9),
        "region": T("Brussels", "Brisele"),
        "country": "BE",
        "summary": T(
            "On 9–10 March 2024 the assembly of the EU's local and regional leaders marked the "
            "30th anniversary of its first plenary session, addressed by Jacques Delors.",
            "2024. gada 9.–10. martā ES vietējo un reģionālo līderu asambleja atzīmēja 30. "
            "gadadienu kopš pirmās plenārsesijas, kurā uzrunu teica Jacques Delors.",
        ),
        "body": ["introduction:0"],
    },
    {
        "title": T(
            "A new phase for the #CohesionAlliance",
            "Jauns posms #CohesionAlliance darbībā",
        ),
        "slug": T("a-new-phase-for-the-alliance", "jauns-posms-alianses-darbiba"),
        "date": D(2022, 10, 11),
        "region": T("Brussels", "Brisele"),
        "country": "BE",
        "summary": T(
            "Faced with the pandemic, Russia's war against Ukraine and the climate crisis, the "
            "members of the Alliance renewed their commitment to a strong cohesion policy.",
            "Saskaroties ar pandēmiju, Krievijas karu pret Ukrainu un klimata krīzi, Alianses "
            "dalībnieki atjaunoja apņemšanos par spēcīgu kohēzijas politiku.",
        ),
        "body": ["story:0", "story:1", "story:2"],
    },
]

VIDEO_INDEX = {
    "title": T("Media library", "Mediatēka"),
    "slug": T("media-library", "mediateka"),
    "introduction": T(
        "Videos of the #CohesionAlliance and of the projects that EU cohesion policy makes "
        "possible in Europe's regions and cities.",
        "#CohesionAlliance videoklipi un projekti, ko ES kohēzijas politika ļauj īstenot Eiropas "
        "reģionos un pilsētās.",
    ),
}

VIDEO_SERIES = {
    "eu-is-cohesion": same("EU is Cohesion"),
    "cohesion-at-its-best": same("Cohesion at its best"),
    "cohesion-alliance": same("#CohesionAlliance"),
}

# (title, series, description); the newest first, as in the seed.
VIDEOS = [
    (
        "EU is Cohesion: adapting wine production to climate change, on both sides of the Pyrenees",
        "eu-is-cohesion",
        T(
            "Wine growers on both sides of the Pyrenees work together, with EU support, to adapt "
            "their vineyards to a changing climate.",
            "Vīnkopji abpus Pirenejiem ar ES atbalstu strādā kopā, lai pielāgotu vīna dārzus "
            "klimata pārmaiņām.",
        ),
    ),
    (
        "EU is Cohesion: Grande Halle – a project of urban revitalization in Molenbeek",
        "eu-is-cohesion",
        T(
            "The Grande Halle brings new life to a neighbourhood of Molenbeek in Brussels.",
            "Grande Halle ienes jaunu dzīvi kādā Molenbekas apkaimē Briselē.",
        ),
    ),
    (
        "Cohesion at its best – Regions&Cities stories",
        "cohesion-at-its-best",
        T(
            "Regions and cities tell how cohesion policy changes daily life.",
            "Reģioni un pilsētas stāsta, kā kohēzijas politika maina ikdienas dzīvi.",
        ),
    ),
    (
        "EU is Cohesion: Zinneke - circular renovation, social inclusion and one big parade!",
        "eu-is-cohesion",
        T(
            "Zinneke combines circular renovation and social inclusion – and one big parade.",
            "Zinneke apvieno aprites renovāciju, sociālo iekļaušanu un vienu lielu parādi.",
        ),
    ),
    (
        "EU is Cohesion: Campus Charleroi prepares the students for the jobs of the future",
        "eu-is-cohesion",
        T(
            "In Charleroi, a new campus prepares students for tomorrow's jobs.",
            "Šarlruā jaunā universitātes pilsētiņa sagatavo studentus nākotnes darbiem.",
        ),
    ),
    (
        "EU is Cohesion: Prague - Boosting flood prevention with EU funds",
        "eu-is-cohesion",
        T(
            "EU funds help Prague protect its people from floods.",
            "ES līdzekļi palīdz Prāgai pasargāt iedzīvotājus no plūdiem.",
        ),
    ),
    (
        "EU is Cohesion: an open-air museum preserves heritage and supports craftspeople in "
        "Romania",
        "eu-is-cohesion",
        T(
            "An open-air museum in Romania keeps traditions alive and supports local craftspeople.",
            "Brīvdabas muzejs Rumānijā saglabā tradīcijas un atbalsta vietējos amatniekus.",
        ),
    ),
    (
        "Cohesion videos serie",
        "cohesion-at-its-best",
        T(
            "A series of short films on cohesion policy projects across Europe.",
            "Īsfilmu sērija par kohēzijas politikas projektiem visā Eiropā.",
        ),
    ),
    (
        "More Support to Remote Areas, The Kiruna Declaration",
        "cohesion-alliance",
        T(
            "The Kiruna Declaration calls for more support for Europe's remote areas.",
            "Kirunas deklarācija aicina vairāk atbalstīt Eiropas attālos apvidus.",
        ),
    ),
    (
        "Cohesion Alliance - Join us for a strong cohesion policy!",
        "cohesion-alliance",
        T(
            "Join the #CohesionAlliance and sign the Joint Call for a strong cohesion policy.",
            "Pievienojieties #CohesionAlliance un parakstiet Kopīgo aicinājumu par spēcīgu "
            "kohēzijas politiku.",
        ),
    ),
    (
        "Protecting biodiversity in the city of Budapest",
        "cohesion-at-its-best",
        T(
            "How Budapest protects nature in the middle of the city.",
            "Kā Budapešta aizsargā dabu pilsētas vidū.",
        ),
    ),
    (
        "Massive renovation of townhouses in the city of Łódź",
        "cohesion-at-its-best",
        T(
            "Łódź renovates its historic townhouses on a large scale.",
            "Lodza plašā mērogā atjauno savas vēsturiskās pilsētmājas.",
        ),
    ),
    (
        "Saving a green lung and using woodchips as energy source in the province of Novara",
        "cohesion-at-its-best",
        T(
            "The province of Novara protects a forest and turns woodchips into energy.",
            "Novāras province aizsargā mežu un izmanto šķeldu enerģijas ražošanai.",
        ),
    ),
    (
        "A walkway on the sea to live the full potential of Bastia",
        "cohesion-at-its-best",
        T(
            "A walkway along the sea opens Bastia to its people.",
            "Promenāde gar jūru atver Bastiju tās iedzīvotājiem.",
        ),
    ),
    (
        "The city of Turku is moving towards climate neutrality",
        "cohesion-at-its-best",
        T(
            "Turku's path towards climate neutrality.",
            "Turku ceļš uz klimatneitralitāti.",
        ),
    ),
    (
        "A circular project to treat asbestos in Rotterdam",
        "cohesion-at-its-best",
        T(
            "Rotterdam treats asbestos in a circular way.",
            "Roterdama apstrādā azbestu, izmantojot aprites principu.",
        ),
    ),
    (
        "EU is Cohesion: training workers for the jobs of tomorrow",
        "eu-is-cohesion",
        T(
            "Training that prepares workers for the jobs of tomorrow.",
            "Apmācības, kas sagatavo darbiniekus nākotnes darbiem.",
        ),
    ),
    (
        "#CohesionAlliance for a cohesive, sustainable & resilient Europe",
        "cohesion-alliance",
        T(
            "The Alliance's declaration for a cohesive, sustainable and resilient Europe.",
            "Alianses deklarācija par saliedētu, ilgtspējīgu un izturētspējīgu Eiropu.",
        ),
    ),
    (
        "Cohesion as an EU fundamental value",
        "cohesion-alliance",
        T(
            "Why cohesion is one of the European Union's fundamental values.",
            "Kāpēc kohēzija ir viena no Eiropas Savienības pamatvērtībām.",
        ),
    ),
]

# The one video the demo ships as a file (cms/demo/assets/); the others show their poster.
UPLOADED_VIDEO = "Cohesion Alliance - Join us for a strong cohesion policy!"

PODCAST_INDEX = {
    "title": T("Podcasts", "Podcasts"),
    "slug": T("podcasts", "podkasti"),
    "introduction": T(
        "Listen to the podcasts of the European Committee of the Regions on cohesion policy.",
        "Klausieties Eiropas Reģionu komitejas podkāstus par kohēzijas politiku.",
    ),
}

# What the demo's recordings end with (cms/demo/assets/audio, made with espeak-ng).
PODCAST_CLOSING = "A podcast of the European Committee of the Regions."

PODCAST_OWNER = {
    "name": "European Committee of the Regions",
    "email": "cohesionalliance@cor.europa.eu",
    "copyright": T(
        "© European Union, European Committee of the Regions",
        "© Eiropas Savienība, Eiropas Reģionu komiteja",
    ),
}

EPISODE_CHAPTERS = {
    ("regio-waves", 10): [
        ("00:00", T("The episode", "Epizode")),
        ("00:07", T("About the podcast", "Par podkāstu")),
    ],
}

# The words of the uploaded video's soundtrack, as captions.
VIDEO_CAPTIONS = {
    "en": "Cohesion Alliance. Join us for a strong cohesion policy. Sign the Joint Call.",
    "lv": "Kohēzijas alianse. Pievienojieties mums par spēcīgu kohēzijas politiku. "
    "Parakstiet Kopīgo aicinājumu.",
}

PODCAST_SHOWS = [
    {
        "key": "regio-waves",
        "category": "Government",
        "title": same("Regio Waves"),
        "slug": T("regio-waves", "regio-waves"),
        "introduction": T(
            "The podcast that travels to Europe's regions to see what cohesion policy does there.",
            "Podkāsts, kas dodas uz Eiropas reģioniem, lai redzētu, ko tur paveic kohēzijas "
            "politika.",
        ),
    },
    {
        "key": "european-citizens-ask",
        "category": "News/Politics",
        "title": same("European Citizens Ask"),
        "slug": T("european-citizens-ask", "european-citizens-ask"),
        "introduction": T(
            "Citizens' questions on Europe, answered by local and regional politicians.",
            "Iedzīvotāju jautājumi par Eiropu, uz kuriem atbild vietējie un reģionālie politiķi.",
        ),
    },
    {
        "key": "local-solutions",
        "category": "Society & Culture",
        "title": same("Local Solutions"),
        "slug": T("local-solutions", "local-solutions"),
        "introduction": T(
            "Local and regional leaders share the solutions that work in their territories.",
            "Vietējie un reģionālie līderi dalās ar risinājumiem, kas darbojas viņu teritorijās.",
        ),
    },
]

# (show, number, title, date, summary, guests as (name, role)); the newest first, as in the seed.
EPISODES = [
    (
        "regio-waves",
        10,
        "Episode 10: Unhitching the coal engine from the Just Transition Train",
        D(2023, 6, 14),
        T(
            "How can EU funds turn coal into green gold? Meet the alchemists of the Just "
            "Transition Fund Marta Wnuk from the European Commission and Dariusz Stankiewicz from "
            "the Polish region of Silesia. In this week's episode of Regio Waves, follow Fiorella "
            "Lavorgna on her trip to Poland, where she uncovers the challenge of phasing out "
            "coal-mining while protecting the miners.",
            "Kā ES līdzekļi var pārvērst ogles zaļā zeltā? Iepazīstieties ar Taisnīgas "
            "pārkārtošanās fonda alķīmiķiem – Martu Vnuku no Eiropas Komisijas un Dariušu "
            "Stankēviču no Polijas Silēzijas reģiona. Šīs nedēļas Regio Waves epizodē sekojiet "
            "Fiorellai Lavorgnai braucienā uz Poliju, kur viņa atklāj, cik grūti ir pakāpeniski "
            "izbeigt ogļu ieguvi un vienlaikus aizsargāt kalnračus.",
        ),
        [
            ("Marta Wnuk", T("European Commission", "Eiropas Komisija")),
            ("Dariusz Stankiewicz", T("Silesia region, Poland", "Silēzijas reģions, Polija")),
        ],
    ),
    (
        "regio-waves",
        9,
        "Episode 9: Growing pains and Cohesion policy",
        D(2023, 5, 17),
        T(
            "What EU enlargement means for cohesion policy and for Europe's regions.",
            "Ko ES paplašināšanās nozīmē kohēzijas politikai un Eiropas reģioniem.",
        ),
        [],
    ),
    (
        "regio-waves",
        8,
        "Episode 8: OK Doomer: cooling the green transition",
        D(2023, 4, 19),
        T(
            "How regions keep the green transition fair and keep people on board.",
            "Kā reģioni nodrošina, lai zaļā pārkārtošanās būtu taisnīga un iedzīvotāji to "
            "atbalstītu.",
        ),
        [],
    ),
    (
        "european-citizens-ask",
        4,
        "#4 European Citizens Ask - Cross-border regions w/ Pavel Branda",
        D(2023, 3, 29),
        T(
            "Citizens ask about life in cross-border regions; Pavel Branda answers.",
            "Iedzīvotāji jautā par dzīvi pārrobežu reģionos; atbild Pavels Branda.",
        ),
        [("Pavel Branda", T("European Committee of the Regions", "Eiropas Reģionu komiteja"))],
    ),
    (
        "regio-waves",
        7,
        "Episode 7: Border regions: the final frontier of cooperation",
        D(2023, 3, 15),
        T(
            "Border regions, where European cooperation is part of everyday life.",
            "Pierobežas reģioni, kur Eiropas sadarbība ir ikdienas dzīves daļa.",
        ),
        [],
    ),
    (
        "european-citizens-ask",
        1,
        "#1 European Citizens Ask - Small urban areas w/ Kieran McCarthy",
        D(2023, 2, 22),
        T(
            "Citizens ask about the future of small urban areas; Kieran McCarthy answers.",
            "Iedzīvotāji jautā par mazo pilsētu nākotni; atbild Kīrans Makartijs.",
        ),
        [("Kieran McCarthy", T("European Committee of the Regions", "Eiropas Reģionu komiteja"))],
    ),
    (
        "regio-waves",
        6,
        "Episode 6: Fund thy Neighbour: EU Support for Ukraine",
        D(2023, 2, 8),
        T(
            "How EU regions and cities support Ukraine and its municipalities.",
            "Kā ES reģioni un pilsētas atbalsta Ukrainu un tās pašvaldības.",
        ),
        [],
    ),
    (
        "regio-waves",
        5,
        "Episode 5: EU stands with refugees",
        D(2023, 1, 11),
        T(
            "How cohesion policy helps cities and regions welcome refugees.",
            "Kā kohēzijas politika palīdz pilsētām un reģioniem uzņemt bēgļus.",
        ),
        [],
    ),
    (
        "regio-waves",
        4,
        "Episode 4: Voices of You(th)",
        D(2022, 12, 14),
        T(
            "Young Europeans on what cohesion policy means for them.",
            "Jaunieši par to, ko viņiem nozīmē kohēzijas politika.",
        ),
        [],
    ),
    (
        "regio-waves",
        3,
        "Episode 3: The EU's geography of discontent",
        D(2022, 11, 23),
        T(
            "Why some places feel left behind, and what cohesion policy can do about it.",
            "Kāpēc dažas vietas jūtas atstātas novārtā un ko kohēzijas politika var darīt.",
        ),
        [],
    ),
    (
        "regio-waves",
        1,
        "Episode 1: Cohesion Policy - Put the money where EU’s mouth is",
        D(2022, 10, 26),
        T(
            "What cohesion policy is, and why it matters to every region.",
            "Kas ir kohēzijas politika un kāpēc tā ir svarīga katram reģionam.",
        ),
        [],
    ),
    (
        "regio-waves",
        2,
        "Episode 2: Green EUtopia VS Energy Crisis",
        D(2022, 11, 7),
        T(
            "The green transition in the middle of an energy crisis.",
            "Zaļā pārkārtošanās enerģētikas krīzes laikā.",
        ),
        [],
    ),
    (
        "local-solutions",
        1,
        "Local Solutions - Rural Depopulation w/ Angela Gimeno, Stefania Crotta & Enda Stenson",
        D(2022, 9, 28),
        T(
            "Three local leaders on how rural areas can keep and attract people.",
            "Trīs vietējie līderi par to, kā lauku apvidi var noturēt un piesaistīt iedzīvotājus.",
        ),
        [
            ("Angela Gimeno", T("Guest", "Viešņa")),
            ("Stefania Crotta", T("Guest", "Viešņa")),
            ("Enda Stenson", T("Guest", "Viesis")),
        ],
    ),
]

DOCUMENT_INDEX = {
    "title": T("Documents", "Dokumenti"),
    "slug": T("documents", "dokumenti"),
    "introduction": T(
        "The #CohesionAlliance's calls, declarations, letters and reports, in every language "
        "they are available in.",
        "#CohesionAlliance aicinājumi, deklarācijas, vēstules un ziņojumi visās valodās, kurās tie "
        "ir pieejami.",
    ),
}

# Each document: its title, summary, date and its language versions as (language, title in that
# language); an empty title means "the same as the page title".
DOCUMENTS = [
    {
        "key": "joint-call",
        "title": same("Joint Call: A renewed Cohesion Policy post-2027 that leaves no one behind"),
        "slug": T("joint-call-2024", "kopigais-aicinajums-2024"),
        "date": D(2024, 3, 18),
        "summary": T(
            "The Joint Call launched at the 10th European Summit of Regions and Cities in Mons.",
            "Kopīgais aicinājums, kas tika pasludināts 10. Eiropas Reģionu un pilsētu samitā "
            "Monsā.",
        ),
        "versions": [
            (
                "bg",
                "Съвместен призив от Алианса за сближаване - Обновена политика на сближаване "
                "за периода след 2027 г., при която никой да не бъде изоставен",
            ),
            (
                "de",
                "Gemeinsamer Aufruf - Eine erneuerte Kohäsionspolitik nach 2027, bei der "
                "niemand zurückgelassen wird",
            ),
            (
                "es",
                "Llamamiento conjunto - Una política de cohesión renovada para el período "
                "posterior a 2027 que no deje a nadie atrás",
            ),
            (
                "et",
                "Ühine üleskutse - Uuendatud 2027-järgne ühtekuuluvuspoliitika, milles kedagi "
                "ei jäeta kõrvale",
            ),
            (
                "fr",
                "Joint Call: Une politique de cohésion post 2027 renouvelée pour ne laisser "
                "personne sur le bord du chemin",
            ),
            (
                "hr",
                "Zajednički poziv Saveza za koheziju - Obnovljena kohezijska politika nakon "
                "2027. u kojoj nitko nije zapostavljen",
            ),
            (
                "it",
                "Appello congiunto - Una politica di coesione rinnovata post-2027 che non lasci "
                "indietro nessuno",
            ),
            ("en", ""),
            (
                "nl",
                "Gezamenlijke oproep - Een vernieuwd cohesiebeleid voor de periode na 2027 "
                "waarbij niemand aan zijn lot wordt overgelaten",
            ),
            (
                "pl",
                "Wspólny apel Sojuszu na rzecz Spójności - Wspólny apel Sojuszu na rzecz Spójności",
            ),
            (
                "pt",
                "Apelo conjunto da Aliança pela Coesão - Uma política de coesão renovada "
                "pós-2027 que não deixe ninguém para trás",
            ),
            (
                "ro",
                "Apel comun : O politică de coeziune reînnoită după 2027, care nu lasă pe "
                "nimeni în urmă",
            ),
            (
                "sk",
                "Spoločná výzva - Obnovená politika súdržnosti po roku 2027, pri ktorej sa na "
                "nikoho nezabudne",
            ),
            (
                "sv",
                "Gemensamt upprop - En förnyad sammanhållningspolitik efter 2027 som inte "
                "lämnar någon utanför",
            ),
        ],
    },
    {
        "key": "survey-results",
        "title": same("Cohesion Alliance Survey on the future of Cohesion Policy - Results"),
        "slug": T("survey-results", "aptaujas-rezultati"),
        "date": D(2023, 10, 9),
        "summary": T(
            "What the members of the Alliance answered about the future of cohesion policy.",
            "Ko Alianses dalībnieki atbildēja par kohēzijas politikas nākotni.",
        ),
        "versions": [("en", "")],
    },
    {
        "key": "debate",
        "title": T(
            "The debate on the future of Cohesion Policy starts now!",
            "Debates par kohēzijas politikas nākotni sākas jau tagad!",
        ),
        "slug": T("the-debate-starts-now", "debates-sakas-tagad"),
        "date": D(2022, 10, 11),
        "summary": T(
            "The Alliance opens the debate on cohesion policy after 2027.",
            "Alianse sāk debates par kohēzijas politiku pēc 2027. gada.",
        ),
        "versions": [
            ("bg", "Дебатът за бъдещето на политиката на сближаване започва сега!"),
            ("en", ""),
            ("de", "Die Debatte über die Zukunft der Kohäsionspolitik beginnt jetzt!"),
            ("es", "El debate sobre el futuro de la política de cohesión empieza ahora"),
            ("et", "Arutelu ühtekuuluvuspoliitika tuleviku üle algab kohe!"),
            ("fr", "Le débat sur l’avenir de la politique de cohésion commence dès maintenant!"),
            ("hr", "Rasprava o budućnosti kohezijske politike počinje sada!"),
            ("it", "Il dibattito sul futuro della politica di coesione inizia adesso!"),
            ("nl", "Het debat over de toekomst van het cohesiebeleid begint nu!"),
            ("pl", "Debata na temat przyszłości polityki spójności zaczyna się teraz!"),
            ("pt", "O debate sobre o futuro da política de coesão começa agora!"),
            ("ro", "Dezbaterea privind viitorul politicii de coeziune începe acum!"),
            ("sk", "Diskusia o budúcnosti politiky súdržnosti začína teraz!"),
            ("sv", "Debatten om sammanhållningspolitikens framtid börjar nu!"),
            ("cs", "Diskuse o budoucnosti politiky soudržnosti právě odstartovala !"),
            ("da", "Debatten om samhørighedspolitikkens fremtid begynder nu!"),
            ("el", "Η συζήτηση για το μέλλον της πολιτικής συνοχής ξεκινά σήμερα!"),
            ("fi", "Keskustelu koheesiopolitiikan tulevaisuudesta alkaa nyt!"),
            ("hu", "Kezdődik a kohéziós politika jövőjéről szóló vita!"),
            ("lt", "Diskusija dėl sanglaudos politikos ateities prasideda jau dabar!"),
            ("mt", "Id-dibattitu dwar il-futur tal-politika ta’ koeżjoni jibda issa!"),
            ("sl", "Čas za razpravo o prihodnosti kohezijske politike"),
        ],
    },
    {
        "key": "8th-cohesion-report",
        "title": same(
            "Joint observations of the #CohesionAlliance towards the 8th Cohesion Report"
        ),
        "slug": T("observations-8th-cohesion-report", "apsverumi-8-kohezijas-zinojumam"),
        "date": D(2022, 2, 9),
        "summary": T(
            "The Alliance's joint observations on the European Commission's 8th Cohesion Report.",
            "Alianses kopīgie apsvērumi par Eiropas Komisijas 8. kohēzijas ziņojumu.",
        ),
        "versions": [("en", "")],
    },
    {
        "key": "declaration",
        "title": T(
            "Declaration of the #CohesionAlliance for a cohesive, sustainable and resilient Europe",
            "Kohēzijas alianses (#CohesionAlliance) deklarācija par saliedētu, ilgtspējīgu un "
            "izturētspējīgu Eiropu",
        ),
        "slug": T("declaration-2020", "deklaracija-2020"),
        "date": D(2020, 10, 12),
        "summary": T(
            "The Alliance's declaration for a cohesive, sustainable and resilient Europe.",
            "Alianses deklarācija par saliedētu, ilgtspējīgu un izturētspējīgu Eiropu.",
        ),
        "versions": [
            (
                "bg",
                "#Декларация на Алианса за сближаване за сплотена, устойчива и стабилна Европа 2.0",
            ),
            (
                "en",
                "Declaration of the #CohesionAlliance for a cohesive, sustainable and "
                "resilient Europe - 2020",
            ),
            (
                "de",
                "Erklärung der Allianz für Kohäsionspolitik für ein von Zusammenhalt und "
                "Nachhaltigkeit geprägtes widerstandsfähiges Europa 2.0",
            ),
            (
                "es",
                "Declaración de la Alianza por la Cohesión (#CohesionAlliance) por una Europa "
                "cohesionada, sostenible y resiliente",
            ),
            (
                "et",
                "Ühtekuuluvuspoliitika alliansi deklaratsioon ühtekuuluva, jätkusuutliku ja "
                "vastupanuvõimelise Euroopa heaks",
            ),
            (
                "fr",
                "Déclaration de l'Alliance pour la cohésion pour une Europe 2.0 de la "
                "cohésion, du développement durable et de la résilience",
            ),
            ("hr", "Deklaracija Saveza za koheziju za kohezivnu, održivu i otpornu Europu"),
            (
                "it",
                "Dichiarazione della #CohesionAlliance per un'Europa coesa, sostenibile e "
                "resiliente",
            ),
            (
                "nl",
                "Verklaring van de #CohesionAlliance voor een samenhangend, duurzaam en "
                "veerkrachtig Europa",
            ),
            (
                "pl",
                "Deklaracja #CohesionAlliance na rzecz spójnej, zrównoważonej i odpornej "
                "Europy 2.0",
            ),
            (
                "pt",
                "Declaração da Aliança pela Coesão por uma Europa coesa, sustentável e resiliente",
            ),
            (
                "ro",
                "Declarația Alianței pentru coeziune (#CohesionAlliance) în favoarea unei "
                "Europe unite, durabile și reziliente",
            ),
            (
                "sk",
                "Vyhlásenie Združenia pre súdržnosť (#CohesionAlliance) na podporu súdržnej, "
                "udržateľnej a odolnej Európy",
            ),
            (
                "sv",
                "Förklaring från sammanhållningsalliansen (#CohesionAlliance) om ett "
                "sammanhållet, hållbart och motståndskraftigt Europa 2.0",
            ),
            ("cs", "Prohlášení #CohesionAlliance na podporu soudržné, udržitelné a odolné Evropy"),
            (
                "da",
                "Erklæring fra Samhørighedsalliancen (#CohesionAlliance) om et samhørigt, "
                "bæredygtigt og modstandsdygtigt Europa 2.0",
            ),
            (
                "el",
                "Δήλωση της #CohesionAlliance για μια συνεκτική, βιώσιμη και ανθεκτική Ευρώπη 2.0",
            ),
            (
                "fi",
                "#CohesionAlliance-ryhmittymän julkilausuma yhteenkuuluvan, "
                "kestäväpohjaisen ja selviytymis- ja palautumiskykyisen Euroopan puolesta",
            ),
            (
                "hu",
                "A #CohesionAlliance nyilatkozata egy összetartó, fenntartható és "
                "ellenállóképes Európáért",
            ),
            ("lt", "#CohesionAlliance deklaracija dėl darnios, tvarios ir atsparios Europos"),
            (
                "mt",
                "Dikjarazzjoni tal-#CohesionAlliance għal Ewropa koeżiva, sostenibbli u reżiljenti",
            ),
            (
                "sl",
                "Izjava zavezništva za kohezijo #CohesionAlliance za povezano, trajnostno in "
                "odporno Evropo",
            ),
        ],
    },
    {
        "key": "letter-michel",
        "title": same(
            "Letter of the #CohesionAlliance to the President of the European Council Charles "
            "Michel – December 2019"
        ),
        "slug": T("letter-to-charles-michel-2019", "vestule-charles-michel-2019"),
        "date": D(2019, 12, 10),
        "summary": T(
            "The Alliance's letter to the President of the European Council ahead of the "
            "negotiations on the EU budget 2021–2027.",
            "Alianses vēstule Eiropadomes priekšsēdētājam pirms sarunām par ES budžetu "
            "2021.–2027. gadam.",
        ),
        "versions": [("en", f"Letter and signatories, part {part} of 7") for part in range(1, 8)],
    },
]

TOOLKIT = {
    "title": T("Branding guidelines and toolkit", "Zīmolrades pamatnostādnes un rīkkopa"),
    "slug": T("branding-toolkit", "zimolrades-rikkopa"),
    "introduction": ALLIANCE["toolkit_text"],
    "logos_heading": T("Logos and visuals", "Logotipi un vizuālie materiāli"),
    "licence": T(
        "Free to use to communicate about the #CohesionAlliance",
        "Brīvi izmantojams, lai informētu par #CohesionAlliance",
    ),
    "files_heading": T("Guidelines", "Pamatnostādnes"),
    "guidelines_description": T(
        "How to use the #CohesionAlliance name, logo and colours.",
        "Kā izmantot #CohesionAlliance nosaukumu, logotipu un krāsas.",
    ),
}

LANGUAGE_POLICY = {
    "title": T(
        "Why is a document not available in my language?",
        "Kāpēc dokuments nav pieejams manā valodā?",
    ),
    "slug": T("why-not-in-my-language", "kapec-nav-manas-valodas"),
    "introduction": T(
        "Not every document of the #CohesionAlliance exists in all 24 official languages of the "
        "European Union.",
        "Ne visi #CohesionAlliance dokumenti ir pieejami visās 24 Eiropas Savienības oficiālajās "
        "valodās.",
    ),
    "body": [
        T(
            "The Alliance's documents are written by its partners and translated into the "
            "languages for which translation was possible when they were published. Letters and "
            "replies addressed to one institution are often published only in the language in "
            "which they were sent.",
            "Alianses dokumentus sagatavo tās partneri, un tie tiek tulkoti tajās valodās, kurās "
            "tulkošana bija iespējama publicēšanas brīdī. Vēstules un atbildes, kas adresētas "
            "vienai iestādei, bieži tiek publicētas tikai tajā valodā, kurā tās nosūtītas.",
        ),
        T(
            "If you need a document in a language that is not listed, please contact us: we will "
            "tell you whether a translation exists or is planned.",
            "Ja jums dokuments vajadzīgs valodā, kuras nav sarakstā, lūdzu, sazinieties ar mums: "
            "mēs jums pateiksim, vai tulkojums ir pieejams vai plānots.",
        ),
    ],
}

PRIVACY = {
    "title": T("Privacy notice", "Paziņojums par privātumu"),
    "slug": T("privacy", "privatums"),
    "introduction": T(
        "How the European Committee of the Regions processes your personal data when you sign "
        "the Joint Call of the #CohesionAlliance.",
        "Kā Eiropas Reģionu komiteja apstrādā jūsu personas datus, kad parakstāt "
        "#CohesionAlliance Kopīgo aicinājumu.",
    ),
    "body": [
        (
            T("Who is responsible", "Kas ir atbildīgs"),
            T(
                "The European Committee of the Regions is the controller of your personal data. "
                "It processes them under Regulation (EU) 2018/1725 on the protection of personal "
                "data by the Union institutions.",
                "Jūsu personas datu pārzinis ir Eiropas Reģionu komiteja. Tā tos apstrādā saskaņā "
                "ar Regulu (ES) 2018/1725 par personas datu aizsardzību Savienības iestādēs.",
            ),
        ),
        (
            T("What we collect and why", "Ko mēs vācam un kāpēc"),
            T(
                "When you sign the Joint Call we store your name, your organisation and position "
                "if you give them, your country, your email address and the choices you made. We "
                "use them only to count and, if you agree, to show your signature, and to send "
                "you news if you ask for it. Signing a political call can reveal a political "
                "opinion: we process these data only with your explicit consent.",
                "Kad parakstāt Kopīgo aicinājumu, mēs saglabājam jūsu vārdu, organizāciju un amatu, "
                "ja tos norādāt, jūsu valsti, e-pasta adresi un jūsu izvēles. Mēs tos izmantojam "
                "tikai parakstu skaitīšanai un, ja piekrītat, jūsu paraksta parādīšanai, kā arī "
                "jaunumu sūtīšanai, ja to vēlaties. Politiska aicinājuma parakstīšana var atklāt "
                "politisko viedokli: šos datus mēs apstrādājam tikai ar jūsu skaidru piekrišanu.",
            ),
        ),
        (
            T("Your rights", "Jūsu tiesības"),
            T(
                "You can withdraw your signature at any time with the link in every email we send "
                "you; your personal data are then deleted. You can also ask for a copy of your "
                "data or contact the Data Protection Officer of the Committee.",
                "Jūs jebkurā laikā varat atsaukt savu parakstu, izmantojot saiti katrā e-pastā, ko "
                "jums sūtām; tad jūsu personas dati tiek dzēsti. Jūs varat arī pieprasīt savu datu "
                "kopiju vai sazināties ar Komitejas datu aizsardzības inspektoru.",
            ),
        ),
    ],
}

CONTACT = {
    "title": T("Contact", "Kontaktinformācija"),
    "slug": T("contact", "kontakti"),
    "introduction": T(
        "Questions about the #CohesionAlliance or the Joint Call? Write to us.",
        "Jautājumi par #CohesionAlliance vai Kopīgo aicinājumu? Rakstiet mums.",
    ),
    "body": [
        T(
            "European Committee of the Regions, Rue Belliard/Belliardstraat 99-101, "
            "1040 Bruxelles/Brussel, Belgium.",
            "Eiropas Reģionu komiteja, Rue Belliard/Belliardstraat 99-101, 1040 Bruxelles/Brussel, "
            "Beļģija.",
        ),
    ],
}

# The accessibility statement, with the structure of the EU model accessibility statement
# (Commission Implementing Decision (EU) 2018/1523).
ACCESSIBILITY = {
    "title": T("Accessibility statement", "Paziņojums par piekļūstamību"),
    "slug": T("accessibility", "pieklustamiba"),
    "introduction": T(
        "The European Committee of the Regions is committed to making this website accessible, in "
        "accordance with Directive (EU) 2016/2102 on the accessibility of the websites and mobile "
        "applications of public sector bodies. This accessibility statement applies to the "
        "#CohesionAlliance website in all its languages.",
        "Eiropas Reģionu komiteja apņemas nodrošināt šīs tīmekļvietnes piekļūstamību saskaņā ar "
        "Direktīvu (ES) 2016/2102 par publiskā sektora iestāžu tīmekļvietņu un mobilo lietotņu "
        "piekļūstamību. Šis paziņojums par piekļūstamību attiecas uz #CohesionAlliance "
        "tīmekļvietni visās tās valodās.",
    ),
    "body": [
        (
            T("Compliance status", "Atbilstības statuss"),
            T(
                "This website is partially compliant with the harmonised European standard "
                "EN 301 549 V3.2.1 (which includes the Web Content Accessibility Guidelines 2.1, "
                "level AA), due to the non-compliances listed below.",
                "Šī tīmekļvietne daļēji atbilst saskaņotajam Eiropas standartam EN 301 549 V3.2.1 "
                "(kas ietver Tīmekļa satura piekļūstamības vadlīnijas 2.1, AA līmeni) turpmāk "
                "uzskaitīto neatbilstību dēļ.",
            ),
        ),
        (
            T("Non-accessible content", "Nepiekļūstams saturs"),
            T(
                "Non-compliance with the accessibility regulations: some documents published as "
                "PDF files, in particular older ones, may lack a structure that screen readers "
                "can follow; and some podcast episodes and videos do not have a full transcript "
                "or captions in every language yet. Content not within the scope of the "
                "applicable legislation: videos played from third-party platforms, whose players "
                "we do not control.",
                "Neatbilstība piekļūstamības noteikumiem: dažiem PDF formātā publicētiem "
                "dokumentiem, jo īpaši vecākiem, var nebūt struktūras, kurai var sekot ekrāna "
                "lasītāji; dažām podkāstu epizodēm un video vēl nav pilna atšifrējuma vai subtitru "
                "visās valodās. Saturs, uz ko neattiecas piemērojamie tiesību akti: video, ko "
                "atskaņo no trešo personu platformām, kuru atskaņotājus mēs nekontrolējam.",
            ),
        ),
        (
            T("Preparation of this accessibility statement", "Šī paziņojuma sagatavošana"),
            T(
                "This statement was prepared on 27 November 2026. It is based on a self-assessment "
                "by the team of the website: automated tests of every page type in a browser and "
                "manual checks with a keyboard and a screen reader. The statement is reviewed "
                "every year and whenever the website changes significantly.",
                "Šis paziņojums sagatavots 2026. gada 27. novembrī. Tā pamatā ir tīmekļvietnes "
                "komandas veikts pašnovērtējums: visu lapu veidu automatizēti testi pārlūkā un "
                "manuālas pārbaudes ar tastatūru un ekrāna lasītāju. Paziņojumu pārskata katru "
                "gadu un ikreiz, kad tīmekļvietne būtiski mainās.",
            ),
        ),
        (
            T("Feedback and contact information", "Atsauksmes un kontaktinformācija"),
            T(
                "If you notice an accessibility problem on this website, or need information from "
                "it in an accessible format, write to us at cohesionalliance@cor.europa.eu (the "
                'link "Report an accessibility problem" at the bottom of every page). We reply '
                "within 15 working days.",
                "Ja pamanāt piekļūstamības problēmu šajā tīmekļvietnē vai jums no tās vajadzīga "
                "informācija piekļūstamā formātā, rakstiet mums uz cohesionalliance@cor.europa.eu "
                '(saite "Ziņot par piekļūstamības problēmu" katras lapas apakšā). Mēs atbildam '
                "15 darba dienu laikā.",
            ),
        ),
        (
            T("Enforcement procedure", "Izpildes procedūra"),
            T(
                "If you are not satisfied with our reply to your feedback or request, you can "
                "complain to the European Ombudsman, who investigates complaints about "
                "maladministration in the institutions and bodies of the European Union.",
                "Ja neesat apmierināts ar mūsu atbildi uz jūsu atsauksmi vai pieprasījumu, varat "
                "iesniegt sūdzību Eiropas Ombudam, kas izmeklē sūdzības par Eiropas Savienības "
                "iestāžu un struktūru nepareizu administrēšanu.",
            ),
        ),
    ],
}

SITE_SETTINGS = {
    "contact_email": "cohesionalliance@cor.europa.eu",
    "accessibility_email": "cohesionalliance@cor.europa.eu",
    "postal_address": "Rue Belliard/Belliardstraat 99-101\n1040 Bruxelles/Brussel\nBelgium",
    "social_links": [
        ("x", "https://x.com/EU_CoR"),
        ("facebook", "https://www.facebook.com/European.Committee.of.the.Regions"),
        ("linkedin", "https://www.linkedin.com/company/european-committee-of-the-regions"),
    ],
}
