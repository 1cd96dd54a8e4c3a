"""Small word lists the project writes for its synthetic records (no third-party data).

Names are grouped by the naming tradition they follow, so a record's authors can mix
traditions the way a team of health researchers does.
"""

from __future__ import annotations

# tradition -> (given names, family names); particles and suffixes are added in `names`.
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "english": (("James", "Sarah", "Michael", "Emma", "David", "Rachel", "Thomas", "Helen", "Mark",
                 "Louise", "Peter", "Claire", "Robert", "Alison", "John Paul", "Mary-Kate"),
                ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas", "Roberts",
                 "Walker", "Wright", "Thompson", "Hughes", "Edwards", "Green", "Hall", "Wood", "Clarke",
                 "Harris", "Turner", "Lewis-Jones", "Ward-Griffin", "Ashby")),
    "irish": (("Siobhan", "Niamh", "Ciaran", "Sean", "Aoife", "Declan"),
              ("O'Brien", "McDonald", "O'Connor", "MacLeod", "Fitzgerald", "McCarthy", "O'Neill")),
    "dutch": (("Jan", "Pieter", "Anneke", "Willem", "Marieke", "Joost", "Sanne"),
              ("Berg", "Dijk", "Vries", "Bakker", "Jansen", "Visser", "Meer", "Hoek")),
    "german": (("Hans", "Katrin", "Jürgen", "Ulrike", "Matthias", "Anja", "Klaus-Dieter"),
               ("Müller", "Schäfer", "Schmidt", "Weiß", "Hoffmann", "Krüger", "Becker", "Braun")),
    "french": (("Marie", "Jean-Pierre", "Camille", "François", "Hélène", "Théo", "Anne-Sophie"),
               ("Dupont", "Lefèvre", "Moreau", "Girard", "Rousseau", "Chabert", "Roussillon", "Lemaire")),
    "spanish": (("María", "José", "Carmen", "Javier", "Lucía", "Alejandro", "Ana Belén"),
                ("García López", "Fernández", "Martínez", "Rodríguez", "Sánchez", "Pérez-Gómez", "Ortega")),
    "portuguese": (("João", "Ana", "Luís", "Beatriz", "Tiago", "Mariana"),
                   ("Silva", "Santos", "Oliveira", "Costa", "Pereira", "Almeida", "Rodrigues")),
    "italian": (("Giulia", "Marco", "Francesca", "Luca", "Chiara"),
                ("Rossi", "Bianchi", "Romano", "Esposito", "Ricci", "Stefano", "Luca")),
    "arabic": (("Ahmed", "Fatima", "Omar", "Layla", "Youssef", "Nour"),
               ("al-Rashid", "El-Sayed", "Haddad", "Khalil", "Abdel-Rahman", "al-Hassan", "Nasser")),
    "chinese": (("Wei", "Xiaoming", "Li", "Jing", "Hui", "Yan", "Zhiwei"),
                ("Wang", "Zhang", "Li", "Chen", "Liu", "Yang", "Huang", "Zhou", "Xu")),
    "korean": (("Min-Jun", "Seo-Yeon", "Ji-Ho", "Hyun"), ("Kim", "Lee", "Park", "Choi", "Jung")),
    "japanese": (("Hiroshi", "Yuki", "Kenji", "Akiko", "Takeshi"),
                 ("Tanaka", "Suzuki", "Takahashi", "Watanabe", "Yamamoto", "Nakamura")),
    "indian": (("Priya", "Rahul", "Anjali", "Vikram", "Sunita", "Arjun"),
               ("Patel", "Singh", "Sharma", "Gupta", "Reddy", "Iyer", "Chatterjee", "Nair")),
    "nigerian": (("Chinedu", "Ngozi", "Oluwaseun", "Adebayo", "Funmilayo"),
                 ("Okonkwo", "Adeyemi", "Obi", "Eze", "Balogun", "Okafor")),
    "nordic": (("Lars", "Ingrid", "Sven", "Astrid", "Mikkel", "Siri"),
               ("Andersson", "Nielsen", "Johansson", "Larsen", "Hansen", "Lindqvist", "Sørensen")),
    "polish": (("Katarzyna", "Piotr", "Agnieszka", "Tomasz"),
               ("Kowalski", "Nowak", "Wiśniewska", "Zieliński", "Wójcik")),
    "greek": (("Eleni", "Dimitrios", "Georgios", "Maria"),
              ("Papadopoulos", "Georgiou", "Konstantinidis", "Nikolaou")),
    "turkish": (("Mehmet", "Ayşe", "Emre", "Zeynep"), ("Yılmaz", "Kaya", "Demir", "Şahin", "Öztürk")),
}

# tradition -> particles written before the family name ("non-dropping" in CSL).
PARTICLES = {"dutch": ("van", "van der", "van den", "de"), "german": ("von", "von der"),
             "french": ("de", "du", "Le"), "spanish": ("de", "de la"), "portuguese": ("da", "dos", "de"),
             "italian": ("De", "Di", "Della")}

SUFFIXES = ("Jr", "Jr.", "Sr", "II", "III", "IV")

CORPORATE = (
    "Department of Health", "Department of Health and Social Care", "World Health Organization",
    "NICE", "National Institute for Health and Care Excellence", "Mental Health Commission",
    "Royal College of Psychiatrists", "Centre for Mental Health", "NHS England", "Public Health England",
    "Substance Abuse and Mental Health Services Administration", "Centers for Disease Control and Prevention",
    "Australian Institute of Health and Welfare", "Scottish Government", "Care Quality Commission",
    "Medical Research Council", "National Institute of Mental Health", "OECD", "Cochrane Collaboration",
    "Haute Autorité de Santé", "Robert Koch-Institut", "Ministerio de Sanidad", "Mind",
)

# (full title, NLM abbreviation)
JOURNALS = (
    ("Psychiatric Services", "Psychiatr Serv"), ("BMC Health Services Research", "BMC Health Serv Res"),
    ("Journal of Mental Health", "J Ment Health"), ("Psychiatric Rehabilitation Journal", "Psychiatr Rehabil J"),
    ("Community Mental Health Journal", "Community Ment Health J"), ("The Lancet", "Lancet"),
    ("The Lancet Psychiatry", "Lancet Psychiatry"), ("BMJ Open", "BMJ Open"), ("BMJ", "BMJ"),
    ("British Journal of Psychiatry", "Br J Psychiatry"), ("JAMA Psychiatry", "JAMA Psychiatry"),
    ("New England Journal of Medicine", "N Engl J Med"), ("Social Science & Medicine", "Soc Sci Med"),
    ("Health Expectations", "Health Expect"), ("International Journal of Nursing Studies", "Int J Nurs Stud"),
    ("Journal of Advanced Nursing", "J Adv Nurs"), ("Implementation Science", "Implement Sci"),
    ("Epidemiology and Psychiatric Services", "Epidemiol Psychiatr Serv"), ("PLoS ONE", "PLoS One"),
    ("Administration and Policy in Mental Health and Mental Health Services Research", "Adm Policy Ment Health"),
    ("Journal of Psychiatric and Mental Health Nursing", "J Psychiatr Ment Health Nurs"),
    ("International Journal of Mental Health Nursing", "Int J Ment Health Nurs"),
    ("Schizophrenia Bulletin", "Schizophr Bull"), ("American Journal of Public Health", "Am J Public Health"),
    ("Health Services Research", "Health Serv Res"), ("Medical Care", "Med Care"),
    ("Sociology of Health & Illness", "Sociol Health Illn"), ("Qualitative Health Research", "Qual Health Res"),
    ("Journal of Clinical Epidemiology", "J Clin Epidemiol"), ("Cochrane Database of Systematic Reviews",
                                                               "Cochrane Database Syst Rev"),
    ("Nature", "Nature"), ("Cell", "Cell"), ("Nature Medicine", "Nat Med"), ("eLife", "eLife"),
    ("Proceedings of the National Academy of Sciences", "Proc Natl Acad Sci U S A"),
    ("Journal of Biological Chemistry", "J Biol Chem"), ("Nucleic Acids Research", "Nucleic Acids Res"),
    ("Annual Review of Psychology", "Annu Rev Psychol"), ("Industrial Relations Journal", "Ind Relat J"),
    ("Work, Employment and Society", "Work Employ Soc"), ("Public Administration Review", "Public Adm Rev"),
    ("L'Encéphale", "Encephale"), ("Revue d'Épidémiologie et de Santé Publique", "Rev Epidemiol Sante Publique"),
    ("Der Nervenarzt", "Nervenarzt"), ("Psychiatrische Praxis", "Psychiatr Prax"),
    ("Revista de Saúde Pública", "Rev Saude Publica"), ("Gaceta Sanitaria", "Gac Sanit"),
    ("Actas Españolas de Psiquiatría", "Actas Esp Psiquiatr"), ("Ciência & Saúde Coletiva", "Cien Saude Colet"),
)

PUBLISHERS = (
    ("Sage", "London"), ("Sage", "Thousand Oaks, CA"), ("Oxford University Press", "Oxford"),
    ("Cambridge University Press", "Cambridge"), ("Routledge", "London"), ("Routledge", "New York"),
    ("Wiley-Blackwell", "Chichester"), ("Springer", "Cham"), ("Springer", "Berlin"), ("Elsevier", "Amsterdam"),
    ("Palgrave Macmillan", "Basingstoke"), ("Jessica Kingsley Publishers", "London"), ("Policy Press", "Bristol"),
    ("Open University Press", "Maidenhead"), ("American Psychiatric Publishing", "Washington, DC"),
    ("Guilford Press", "New York"), ("Lippincott Williams & Wilkins", "Philadelphia"),
    ("The Stationery Office", "London"), ("HMSO", "London"), ("RAND Corporation", "Santa Monica, CA"),
    ("Elsevier Masson", "Issy-les-Moulineaux"), ("Dunod", "Paris"), ("Presses Universitaires de France", "Paris"),
    ("Hogrefe", "Göttingen"), ("Thieme", "Stuttgart"), ("Editorial Médica Panamericana", "Madrid"),
    ("Editora Fiocruz", "Rio de Janeiro"), ("Prentice-Hall", "Englewood Cliffs, NJ"), ("Basic Books", "New York"),
    ("World Health Organization", "Geneva"), ("The King's Fund", "London"), ("Peach Press", "West Dummerston"),
)

UNIVERSITIES = (
    ("University of Leeds", "Leeds"), ("King's College London", "London"), ("University of Toronto", "Toronto"),
    ("Université de Montréal", "Montréal"), ("University of Melbourne", "Melbourne"),
    ("Karolinska Institutet", "Stockholm"), ("Universidade de São Paulo", "São Paulo"),
    ("Universität Heidelberg", "Heidelberg"), ("University of Cape Town", "Cape Town"),
)

CONFERENCES = (
    "Proceedings of the International Conference on Health Informatics",
    "Proceedings of the 12th European Congress of Psychiatry", "Annual Meeting of the Society for Social Medicine",
    "Proceedings of the AMIA Annual Symposium", "International Conference on Mental Health Services Research",
    "Actes du Congrès Français de Psychiatrie", "Proceedings of the Annual Conference on Peer Support",
)

EVENT_PLACES = ("Lisbon", "Vienna", "San Francisco, CA", "Lyon", "Edinburgh", "Montréal", "Berlin", "Sydney")

SERIES = ("Health Technology Assessment", "Research Report Series", "Cochrane Handbook Series",
          "Studies in Mental Health Policy", "WHO Technical Report Series", "Lecture Notes in Computer Science")

WEBSITES = ("NHS website", "Mind", "GOV.UK", "World Health Organization", "BBC News", "The Guardian",
            "National Institute of Mental Health", "Rethink Mental Illness")

GENRES = {"thesis": ("PhD thesis", "Doctoral dissertation", "MSc thesis", "Thèse de doctorat", "DClinPsy thesis"),
          "report": ("Technical report", "Research report", "Policy paper", "Working paper", "Briefing")}
