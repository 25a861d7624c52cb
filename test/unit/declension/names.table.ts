import type { Gender } from '../../../shared/domain/person.js';

/**
 * Real Ukrainian names (and the borrowed names a ЦНАП meets) with their dative and genitive
 * written from Ukrainian grammar (Український правопис 2019: відмінювання імен, по батькові
 * і прізвищ; § 140 for borrowed names), not copied from any library's output. Expected strings use
 * the orthographic apostrophe U+02BC whatever the input used. Where grammar allows two dative
 * forms (-ові/-еві and -у/-ю for men), both are listed.
 */
export interface NameCase {
  readonly familyName: string;
  readonly givenName: string;
  readonly patronymic?: string;
  /** Passed to `decline` when the name alone does not tell (e.g. borrowed names). */
  readonly gender?: Gender;
  readonly expectedGender: Gender;
  readonly dative: string | readonly string[];
  readonly genitive: string;
  readonly why: string;
}

const A = '\u02BC';

export const nameCases: readonly NameCase[] = [
  // Men: -ко/-енко, adjectival -ський/-ий, -а, consonants, -ь, -й.
  { familyName: 'Шевченко', givenName: 'Тарас', patronymic: 'Григорович', expectedGender: 'male', dative: 'Шевченку Тарасу Григоровичу', genitive: 'Шевченка Тараса Григоровича', why: 'man, -енко' },
  { familyName: 'Франко', givenName: 'Іван', patronymic: 'Якович', expectedGender: 'male', dative: 'Франку Івану Яковичу', genitive: 'Франка Івана Яковича', why: 'man, -ко' },
  { familyName: 'Грушевський', givenName: 'Михайло', patronymic: 'Сергійович', expectedGender: 'male', dative: 'Грушевському Михайлу Сергійовичу', genitive: 'Грушевського Михайла Сергійовича', why: 'adjectival -ський' },
  { familyName: 'Хмельницький', givenName: 'Богдан', patronymic: 'Михайлович', expectedGender: 'male', dative: 'Хмельницькому Богдану Михайловичу', genitive: 'Хмельницького Богдана Михайловича', why: 'adjectival -цький' },
  { familyName: 'Котляревський', givenName: 'Іван', patronymic: 'Петрович', expectedGender: 'male', dative: 'Котляревському Івану Петровичу', genitive: 'Котляревського Івана Петровича', why: 'adjectival' },
  { familyName: 'Рильський', givenName: 'Максим', patronymic: 'Тадейович', expectedGender: 'male', dative: 'Рильському Максиму Тадейовичу', genitive: 'Рильського Максима Тадейовича', why: 'patronymic -ейович' },
  { familyName: 'Тичина', givenName: 'Павло', patronymic: 'Григорович', expectedGender: 'male', dative: 'Тичині Павлу Григоровичу', genitive: 'Тичини Павла Григоровича', why: 'man, surname in -а' },
  { familyName: 'Сковорода', givenName: 'Григорій', patronymic: 'Савич', expectedGender: 'male', dative: 'Сковороді Григорію Савичу', genitive: 'Сковороди Григорія Савича', why: 'patronymic -ич' },
  { familyName: 'Мазепа', givenName: 'Іван', patronymic: 'Степанович', expectedGender: 'male', dative: 'Мазепі Івану Степановичу', genitive: 'Мазепи Івана Степановича', why: 'man, -а' },
  { familyName: 'Бубка', givenName: 'Сергій', patronymic: 'Назарович', expectedGender: 'male', dative: 'Бубці Сергію Назаровичу', genitive: 'Бубки Сергія Назаровича', why: 'к → ц before -і' },
  { familyName: 'Стус', givenName: 'Василь', patronymic: 'Семенович', expectedGender: 'male', dative: 'Стусу Василю Семеновичу', genitive: 'Стуса Василя Семеновича', why: 'hard consonant' },
  { familyName: 'Стефаник', givenName: 'Василь', patronymic: 'Семенович', expectedGender: 'male', dative: 'Стефанику Василю Семеновичу', genitive: 'Стефаника Василя Семеновича', why: '-ик' },
  { familyName: 'Куліш', givenName: 'Пантелеймон', patronymic: 'Олександрович', expectedGender: 'male', dative: 'Кулішу Пантелеймону Олександровичу', genitive: 'Куліша Пантелеймона Олександровича', why: 'і kept in a surname (library issue #166)' },
  { familyName: 'Гоголь', givenName: 'Микола', patronymic: 'Васильович', expectedGender: 'male', dative: ['Гоголю Миколі Васильовичу', 'Гоголеві Миколі Васильовичу'], genitive: 'Гоголя Миколи Васильовича', why: 'soft -ь' },
  { familyName: 'Пулюй', givenName: 'Іван', patronymic: 'Павлович', expectedGender: 'male', dative: ['Пулюю Івану Павловичу', 'Пулюєві Івану Павловичу'], genitive: 'Пулюя Івана Павловича', why: '-й' },
  { familyName: 'Кочубей', givenName: 'Юрій', patronymic: 'Федорович', expectedGender: 'male', dative: ['Кочубею Юрію Федоровичу', 'Кочубеєві Юрію Федоровичу'], genitive: 'Кочубея Юрія Федоровича', why: '-ей' },
  { familyName: 'Багряний', givenName: 'Іван', patronymic: 'Павлович', expectedGender: 'male', dative: 'Багряному Івану Павловичу', genitive: 'Багряного Івана Павловича', why: 'adjectival -ий' },
  { familyName: 'Хвильовий', givenName: 'Микола', patronymic: 'Григорович', expectedGender: 'male', dative: 'Хвильовому Миколі Григоровичу', genitive: 'Хвильового Миколи Григоровича', why: 'adjectival -ий' },
  { familyName: 'Мечников', givenName: 'Ілля', patronymic: 'Ілліч', expectedGender: 'male', dative: 'Мечникову Іллі Іллічу', genitive: 'Мечникова Іллі Ілліча', why: 'Ілля, Ілліч' },
  { familyName: 'Корольов', givenName: 'Сергій', patronymic: 'Павлович', expectedGender: 'male', dative: 'Корольову Сергію Павловичу', genitive: 'Корольова Сергія Павловича', why: '-ов' },
  { familyName: 'Блохін', givenName: 'Олег', patronymic: 'Володимирович', expectedGender: 'male', dative: 'Блохіну Олегу Володимировичу', genitive: 'Блохіна Олега Володимировича', why: '-ін' },
  { familyName: 'Кличко', givenName: 'Віталій', patronymic: 'Володимирович', expectedGender: 'male', dative: 'Кличку Віталію Володимировичу', genitive: 'Кличка Віталія Володимировича', why: 'man, -ко' },
  { familyName: 'Андрухович', givenName: 'Юрій', patronymic: 'Ігорович', expectedGender: 'male', dative: 'Андруховичу Юрію Ігоровичу', genitive: 'Андруховича Юрія Ігоровича', why: 'man, -ич declines' },
  { familyName: 'Хоткевич', givenName: 'Гнат', patronymic: 'Мартинович', expectedGender: 'male', dative: 'Хоткевичу Гнату Мартиновичу', genitive: 'Хоткевича Гната Мартиновича', why: 'man, -ич' },
  { familyName: 'Курбас', givenName: 'Лесь', patronymic: 'Степанович', expectedGender: 'male', dative: 'Курбасу Лесю Степановичу', genitive: 'Курбаса Леся Степановича', why: 'given name in -ь' },
  { familyName: 'Малишко', givenName: 'Андрій', patronymic: 'Самійлович', expectedGender: 'male', dative: 'Малишку Андрію Самійловичу', genitive: 'Малишка Андрія Самійловича', why: 'patronymic -ійлович' },
  { familyName: 'Стецько', givenName: 'Ярослав', patronymic: 'Семенович', expectedGender: 'male', dative: 'Стецьку Ярославу Семеновичу', genitive: 'Стецька Ярослава Семеновича', why: 'man, -ько' },
  { familyName: 'Кравчук', givenName: 'Леонід', patronymic: 'Макарович', expectedGender: 'male', dative: 'Кравчуку Леоніду Макаровичу', genitive: 'Кравчука Леоніда Макаровича', why: '-ук' },
  { familyName: 'Скорик', givenName: 'Мирослав', patronymic: 'Михайлович', expectedGender: 'male', dative: 'Скорику Мирославу Михайловичу', genitive: 'Скорика Мирослава Михайловича', why: '-ик' },
  { familyName: 'Сірко', givenName: 'Іван', patronymic: 'Дмитрович', expectedGender: 'male', dative: 'Сірку Івану Дмитровичу', genitive: 'Сірка Івана Дмитровича', why: 'man, -ко' },
  { familyName: 'Коломієць', givenName: 'Олексій', patronymic: 'Федотович', expectedGender: 'male', dative: ['Коломійцю Олексію Федотовичу', 'Коломійцеві Олексію Федотовичу'], genitive: 'Коломійця Олексія Федотовича', why: '-єць loses є' },

  // Women: -а/-ська/-ова decline; consonants, -й, -о/-ко/-енко, -ич do not.
  { familyName: 'Українка', givenName: 'Леся', expectedGender: 'female', dative: 'Українці Лесі', genitive: 'Українки Лесі', why: 'no patronymic, -ка' },
  { familyName: 'Кобилянська', givenName: 'Ольга', patronymic: 'Юліанівна', expectedGender: 'female', dative: 'Кобилянській Ользі Юліанівні', genitive: 'Кобилянської Ольги Юліанівни', why: 'adjectival, г → з' },
  { familyName: 'Крушельницька', givenName: 'Соломія', patronymic: 'Амвросіївна', expectedGender: 'female', dative: 'Крушельницькій Соломії Амвросіївні', genitive: 'Крушельницької Соломії Амвросіївни', why: 'patronymic -ївна' },
  { familyName: 'Заньковецька', givenName: 'Марія', patronymic: 'Костянтинівна', expectedGender: 'female', dative: 'Заньковецькій Марії Костянтинівні', genitive: 'Заньковецької Марії Костянтинівни', why: 'adjectival' },
  { familyName: 'Теліга', givenName: 'Олена', patronymic: 'Іванівна', expectedGender: 'female', dative: 'Телізі Олені Іванівні', genitive: 'Теліги Олени Іванівни', why: 'г → з before -і' },
  { familyName: 'Підкопаєва', givenName: 'Лілія', patronymic: 'Олександрівна', expectedGender: 'female', dative: 'Підкопаєвій Лілії Олександрівні', genitive: 'Підкопаєвої Лілії Олександрівни', why: '-єва' },
  { familyName: 'Клочкова', givenName: 'Яна', patronymic: 'Олександрівна', expectedGender: 'female', dative: 'Клочковій Яні Олександрівні', genitive: 'Клочкової Яни Олександрівни', why: '-ова' },
  { familyName: 'Костенко', givenName: 'Ліна', patronymic: 'Василівна', expectedGender: 'female', dative: 'Костенко Ліні Василівні', genitive: 'Костенко Ліни Василівни', why: 'woman, -енко indeclinable' },
  { familyName: 'Приймаченко', givenName: 'Марія', patronymic: 'Оксентіївна', expectedGender: 'female', dative: 'Приймаченко Марії Оксентіївні', genitive: 'Приймаченко Марії Оксентіївни', why: 'woman, -енко' },
  { familyName: 'Стецько', givenName: 'Ярослава', patronymic: 'Йосипівна', expectedGender: 'female', dative: 'Стецько Ярославі Йосипівні', genitive: 'Стецько Ярослави Йосипівни', why: 'woman, -ько' },
  { familyName: 'Павличко', givenName: 'Соломія', patronymic: 'Дмитрівна', expectedGender: 'female', dative: 'Павличко Соломії Дмитрівні', genitive: 'Павличко Соломії Дмитрівни', why: 'woman, -ко' },
  { familyName: 'Забужко', givenName: 'Оксана', patronymic: 'Стефанівна', expectedGender: 'female', dative: 'Забужко Оксані Стефанівні', genitive: 'Забужко Оксани Стефанівни', why: 'woman, -ко' },
  { familyName: 'Петрович', givenName: 'Ганна', patronymic: 'Іванівна', expectedGender: 'female', dative: 'Петрович Ганні Іванівні', genitive: 'Петрович Ганни Іванівни', why: 'woman, -ич indeclinable' },
  { familyName: 'Їжакевич', givenName: 'Оксана', patronymic: 'Ігорівна', expectedGender: 'female', dative: 'Їжакевич Оксані Ігорівні', genitive: 'Їжакевич Оксани Ігорівни', why: 'woman, -ич, ї' },
  { familyName: 'Білокур', givenName: 'Катерина', patronymic: 'Василівна', expectedGender: 'female', dative: 'Білокур Катерині Василівні', genitive: 'Білокур Катерини Василівни', why: 'woman, consonant' },
  { familyName: 'Харлан', givenName: 'Ольга', patronymic: 'Геннадіївна', expectedGender: 'female', dative: 'Харлан Ользі Геннадіївні', genitive: 'Харлан Ольги Геннадіївни', why: 'woman, consonant' },
  { familyName: 'Богомолець', givenName: 'Ольга', patronymic: 'Вадимівна', expectedGender: 'female', dative: 'Богомолець Ользі Вадимівні', genitive: 'Богомолець Ольги Вадимівни', why: 'woman, -ець' },
  { familyName: 'Чурай', givenName: 'Марія', patronymic: 'Гордіївна', expectedGender: 'female', dative: 'Чурай Марії Гордіївні', genitive: 'Чурай Марії Гордіївни', why: 'woman, -ай' },
  { familyName: 'Повалій', givenName: 'Таїсія', patronymic: 'Миколаївна', expectedGender: 'female', dative: 'Повалій Таїсії Миколаївні', genitive: 'Повалій Таїсії Миколаївни', why: 'woman, -ій' },
  { familyName: 'Коваль', givenName: 'Олена', patronymic: 'Ігорівна', expectedGender: 'female', dative: 'Коваль Олені Ігорівні', genitive: 'Коваль Олени Ігорівни', why: 'woman, -ь' },

  // -их: indeclinable for both.
  { familyName: 'Чорних', givenName: 'Марія', patronymic: 'Степанівна', expectedGender: 'female', dative: 'Чорних Марії Степанівні', genitive: 'Чорних Марії Степанівни', why: '-их' },
  { familyName: 'Довгих', givenName: 'Іван', patronymic: 'Андрійович', expectedGender: 'male', dative: 'Довгих Івану Андрійовичу', genitive: 'Довгих Івана Андрійовича', why: '-их, man' },
  { familyName: 'Глухих', givenName: 'Олена', patronymic: 'Петрівна', expectedGender: 'female', dative: 'Глухих Олені Петрівні', genitive: 'Глухих Олени Петрівни', why: '-их' },

  // Borrowed names (Правопис 2019, § 140).
  { familyName: 'Дюма', givenName: 'Олександр', expectedGender: 'male', dative: 'Дюма Олександру', genitive: 'Дюма Олександра', why: 'stressed -а' },
  { familyName: 'Гюго', givenName: 'Віктор', gender: 'male', expectedGender: 'male', dative: 'Гюго Віктору', genitive: 'Гюго Віктора', why: 'foreign -о' },
  { familyName: 'Золя', givenName: 'Еміль', gender: 'male', expectedGender: 'male', dative: 'Золя Емілю', genitive: 'Золя Еміля', why: 'stressed -я' },
  { familyName: 'Пікассо', givenName: 'Пабло', gender: 'male', expectedGender: 'male', dative: 'Пікассо Пабло', genitive: 'Пікассо Пабло', why: 'foreign -о, given name too' },
  { familyName: 'Верді', givenName: 'Джузеппе', gender: 'male', expectedGender: 'male', dative: 'Верді Джузеппе', genitive: 'Верді Джузеппе', why: '-і, -е' },
  { familyName: 'Шоу', givenName: 'Бернард', gender: 'male', expectedGender: 'male', dative: 'Шоу Бернарду', genitive: 'Шоу Бернарда', why: '-у' },
  { familyName: 'Кюрі', givenName: 'Марія', expectedGender: 'female', dative: 'Кюрі Марії', genitive: 'Кюрі Марії', why: '-і, gender from the given name' },
  { familyName: 'Ротару', givenName: 'Софія', patronymic: 'Михайлівна', expectedGender: 'female', dative: 'Ротару Софії Михайлівні', genitive: 'Ротару Софії Михайлівни', why: '-у' },
  { familyName: 'Вільде', givenName: 'Ірина', expectedGender: 'female', dative: 'Вільде Ірині', genitive: 'Вільде Ірини', why: '-е' },
  { familyName: 'Кідман', givenName: 'Ніколь', gender: 'female', expectedGender: 'female', dative: 'Кідман Ніколі', genitive: 'Кідман Ніколі', why: 'woman’s name in -ь declines (library issue #202)' },

  // Double surnames: each part by its own rule.
  { familyName: 'Косач-Квітка', givenName: 'Лариса', patronymic: 'Петрівна', expectedGender: 'female', dative: 'Косач-Квітці Ларисі Петрівні', genitive: 'Косач-Квітки Лариси Петрівни', why: 'woman: Косач stays, Квітка declines' },
  { familyName: "Квітка-Основ'яненко", givenName: 'Григорій', patronymic: 'Федорович', expectedGender: 'male', dative: `Квітці-Основ${A}яненку Григорію Федоровичу`, genitive: `Квітки-Основ${A}яненка Григорія Федоровича`, why: 'man: both parts decline; apostrophe' },
  { familyName: 'Нечуй-Левицький', givenName: 'Іван', patronymic: 'Семенович', expectedGender: 'male', dative: 'Нечую-Левицькому Івану Семеновичу', genitive: 'Нечуя-Левицького Івана Семеновича', why: 'man: noun + adjective' },
  { familyName: 'Косач-Борисова', givenName: 'Ізидора', patronymic: 'Петрівна', expectedGender: 'female', dative: 'Косач-Борисовій Ізидорі Петрівні', genitive: 'Косач-Борисової Ізидори Петрівни', why: 'woman: consonant part stays' },
  { familyName: 'Пінтусевич-Блок', givenName: 'Жанна', patronymic: 'Олександрівна', expectedGender: 'female', dative: 'Пінтусевич-Блок Жанні Олександрівні', genitive: 'Пінтусевич-Блок Жанни Олександрівни', why: 'woman: both parts stay' },

  // Apostrophes: ASCII ', typographic ’ and U+02BC all give U+02BC.
  { familyName: "Дем'янчук", givenName: "Мар'яна", patronymic: 'Іванівна', expectedGender: 'female', dative: `Дем${A}янчук Мар${A}яні Іванівні`, genitive: `Дем${A}янчук Мар${A}яни Іванівни`, why: "ASCII '" },
  { familyName: 'Дем\u2019янчук', givenName: 'В\u2019ячеслав', patronymic: 'Олегович', expectedGender: 'male', dative: `Дем${A}янчуку В${A}ячеславу Олеговичу`, genitive: `Дем${A}янчука В${A}ячеслава Олеговича`, why: 'typographic ’' },
  { familyName: 'Ярош', givenName: `Дар${A}я`, patronymic: 'Олегівна', expectedGender: 'female', dative: `Ярош Дар${A}ї Олегівні`, genitive: `Ярош Дар${A}ї Олегівни`, why: 'U+02BC: the library leaves it undeclined' },
  { familyName: "Солов'яненко", givenName: 'Анатолій', patronymic: 'Борисович', expectedGender: 'male', dative: `Солов${A}яненку Анатолію Борисовичу`, genitive: `Солов${A}яненка Анатолія Борисовича`, why: 'apostrophe in surname' },
  { familyName: 'Лук\u2019яненко', givenName: 'Левко', patronymic: 'Григорович', expectedGender: 'male', dative: `Лук${A}яненку Левку Григоровичу`, genitive: `Лук${A}яненка Левка Григоровича`, why: 'Левко, -ко given name' },
  { familyName: 'Коротченко', givenName: "Дем'ян", patronymic: 'Сергійович', expectedGender: 'male', dative: `Коротченку Дем${A}яну Сергійовичу`, genitive: `Коротченка Дем${A}яна Сергійовича`, why: 'apostrophe in given name' },
  { familyName: 'Соловей', givenName: 'Олександр', patronymic: 'Іванович', expectedGender: 'male', dative: [`Солов${A}ю Олександру Івановичу`, `Солов${A}єві Олександру Івановичу`], genitive: `Солов${A}я Олександра Івановича`, why: 'apostrophe appears only in the declined form' },

  // ґ, є, ї.
  { familyName: 'Ґудзь', givenName: 'Євген', patronymic: 'Миколайович', expectedGender: 'male', dative: ['Ґудзю Євгену Миколайовичу', 'Ґудзеві Євгену Миколайовичу'], genitive: 'Ґудзя Євгена Миколайовича', why: 'ґ, є, -айович' },
  { familyName: 'Ґалаґан', givenName: 'Григорій', patronymic: 'Павлович', expectedGender: 'male', dative: 'Ґалаґану Григорію Павловичу', genitive: 'Ґалаґана Григорія Павловича', why: 'ґ' },
  { familyName: 'Їжакевич', givenName: 'Іван', patronymic: 'Сидорович', expectedGender: 'male', dative: 'Їжакевичу Івану Сидоровичу', genitive: 'Їжакевича Івана Сидоровича', why: 'ї, man' },
  { familyName: 'Євтушенко', givenName: 'Євген', patronymic: 'Олександрович', expectedGender: 'male', dative: 'Євтушенку Євгену Олександровичу', genitive: 'Євтушенка Євгена Олександровича', why: 'є' },

  // No patronymic: gender from the given name.
  { familyName: 'Федькович', givenName: 'Юрій', expectedGender: 'male', dative: 'Федьковичу Юрію', genitive: 'Федьковича Юрія', why: 'no patronymic, man' },
  { familyName: 'Шевчук', givenName: 'Ярослава', expectedGender: 'female', dative: 'Шевчук Ярославі', genitive: 'Шевчук Ярослави', why: 'no patronymic, woman' },
  { familyName: 'Бойко', givenName: 'Олег', expectedGender: 'male', dative: 'Бойку Олегу', genitive: 'Бойка Олега', why: 'no patronymic, man, -ко' },
];
