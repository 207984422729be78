import { weighted } from './registry.prng.js'

// Approximate shares from the 2019 census and name surveys: realistic enough for demos and load tests.

// Population in thousands by province code (2019 census, rounded).
export const PROVINCE_POPULATION = weighted<string>([
  ['001', 8054],
  ['002', 855],
  ['004', 530],
  ['006', 314],
  ['008', 785],
  ['010', 731],
  ['011', 599],
  ['012', 460],
  ['014', 1249],
  ['015', 822],
  ['017', 855],
  ['019', 1287],
  ['020', 782],
  ['022', 1321],
  ['024', 1804],
  ['025', 1464],
  ['026', 1152],
  ['027', 1369],
  ['030', 1893],
  ['031', 2029],
  ['033', 1253],
  ['034', 1861],
  ['035', 853],
  ['036', 1781],
  ['037', 983],
  ['038', 3641],
  ['040', 3328],
  ['042', 1289],
  ['044', 896],
  ['045', 633],
  ['046', 1129],
  ['048', 1135],
  ['049', 1496],
  ['051', 1232],
  ['052', 1487],
  ['054', 873],
  ['056', 1232],
  ['058', 591],
  ['060', 1231],
  ['062', 541],
  ['064', 1514],
  ['066', 1870],
  ['067', 623],
  ['068', 1297],
  ['070', 995],
  ['072', 1170],
  ['074', 2456],
  ['075', 3097],
  ['077', 1149],
  ['079', 8993],
  ['080', 1689],
  ['082', 1765],
  ['083', 1289],
  ['084', 1010],
  ['086', 1023],
  ['087', 1600],
  ['089', 1908],
  ['091', 1724],
  ['092', 1236],
  ['093', 734],
  ['094', 1200],
  ['095', 907],
  ['096', 1194],
])

// Share of the population by 5-year age band 0-4 … 75-79, then 80-99.
export const AGE_BANDS = weighted<number>(
  [7.6, 8.2, 7.6, 6.9, 6.6, 7.4, 8.1, 8.0, 7.3, 6.6, 6.1, 5.5, 4.6, 3.5, 2.4, 1.5, 2.1].map((w, i) => [
    i * 5,
    w,
  ]),
)

// Southern provinces write Huỳnh and Võ where the north writes Hoàng and Vũ.
export const SURNAMES_NORTH = weighted<string>([
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 4.5],
  ['Huỳnh', 0.6],
  ['Phan', 4.5],
  ['Vũ', 3.4],
  ['Võ', 0.5],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.6],
  ['Đoàn', 0.5],
  ['Lâm', 0.4],
  ['Mai', 0.4],
  ['Trịnh', 0.4],
  ['Trương', 0.4],
  ['Cao', 0.3],
  ['Lương', 0.3],
  ['Hà', 0.3],
  ['Tạ', 0.2],
  ['Tô', 0.2],
  ['Châu', 0.2],
  ['Thái', 0.2],
  ['La', 0.1],
])
export const SURNAMES_SOUTH = weighted<string>([
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 0.8],
  ['Huỳnh', 4.3],
  ['Phan', 4.5],
  ['Vũ', 0.6],
  ['Võ', 3.3],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.6],
  ['Đoàn', 0.5],
  ['Lâm', 0.4],
  ['Mai', 0.4],
  ['Trịnh', 0.4],
  ['Trương', 0.4],
  ['Cao', 0.3],
  ['Lương', 0.3],
  ['Hà', 0.3],
  ['Tạ', 0.2],
  ['Tô', 0.2],
  ['Châu', 0.2],
  ['Thái', 0.2],
  ['La', 0.1],
])

const MIDDLE_MALE: Array<[string, number]> = [
  ['Văn', 30],
  ['Hữu', 8],
  ['Đức', 8],
  ['Minh', 10],
  ['Quang', 7],
  ['Thành', 5],
  ['Công', 5],
  ['Xuân', 4],
  ['Hoàng', 4],
  ['Ngọc', 3],
  ['Gia', 4],
  ['Thanh', 5],
  ['Anh', 3],
  ['Trọng', 3],
  ['Đình', 4],
  ['Bảo', 3],
  ['Quốc', 4],
]
const MIDDLE_FEMALE: Array<[string, number]> = [
  ['Thị', 40],
  ['Ngọc', 10],
  ['Thu', 6],
  ['Thanh', 7],
  ['Minh', 5],
  ['Phương', 4],
  ['Bảo', 4],
  ['Hồng', 4],
  ['Kim', 4],
  ['Mai', 3],
  ['Khánh', 3],
  ['Diệu', 2],
  ['Thùy', 3],
  ['Hải', 2],
  ['Quỳnh', 3],
]
// Văn and Thị went out of fashion for children born since about 2000.
const modern = (xs: Array<[string, number]>): Array<[string, number]> =>
  xs.map(([n, w]) => [n, n === 'Văn' || n === 'Thị' ? w / 4 : w])
export const MIDDLE = {
  male: { older: weighted(MIDDLE_MALE), younger: weighted(modern(MIDDLE_MALE)) },
  female: { older: weighted(MIDDLE_FEMALE), younger: weighted(modern(MIDDLE_FEMALE)) },
}

export const GIVEN = {
  male: 'An Anh Bảo Bình Công Cường Dũng Duy Dương Đạt Đức Giang Hải Hiếu Hòa Hoàng Hùng Huy Hưng Khang Khánh Khoa Kiên Lâm Long Lộc Minh Nam Nghĩa Nguyên Nhân Phát Phong Phúc Quân Quang Sơn Tài Tâm Thắng Thành Thịnh Toàn Trí Trung Tuấn Tùng Việt Vinh Vũ'.split(
    ' ',
  ),
  female:
    'An Anh Ánh Bích Châu Chi Diệp Dung Duyên Giang Hà Hạnh Hằng Hiền Hoa Hồng Huệ Hương Huyền Lan Liên Linh Loan Ly Mai My Nga Ngân Ngọc Nhung Nhi Oanh Phương Quỳnh Tâm Thảo Thanh Thơ Thủy Thư Trang Trâm Uyên Vân Vy Xuân Yến'.split(
      ' ',
    ),
}

export const ETHNICITIES = weighted<string>([
  ['Kinh', 85.3],
  ['Tày', 1.9],
  ['Thái', 1.9],
  ['Mường', 1.5],
  ['Mông', 1.4],
  ['Khmer', 1.4],
  ['Nùng', 1.1],
  ['Dao', 0.9],
  ['Hoa', 0.8],
  ['Gia Rai', 0.5],
  ['Ê Đê', 0.4],
  ['Ba Na', 0.3],
  ['Sán Chay', 0.2],
  ['Chăm', 0.2],
])

export const RELIGIONS = weighted<string>([
  ['Không', 86.3],
  ['Công giáo', 6.1],
  ['Phật giáo', 4.8],
  ['Tin lành', 1.0],
  ['Phật giáo Hòa Hảo', 1.0],
  ['Cao Đài', 0.6],
])

export const STREETS =
  'Lê Lợi|Trần Hưng Đạo|Nguyễn Huệ|Hai Bà Trưng|Lý Thường Kiệt|Quang Trung|Lê Duẩn|Nguyễn Trãi|Phan Chu Trinh|Điện Biên Phủ|Hùng Vương|Trần Phú|Nguyễn Du|Lê Lai|Bạch Đằng|Võ Thị Sáu|Nguyễn Thị Minh Khai|Cách Mạng Tháng Tám|Hoàng Diệu|Phạm Ngũ Lão'.split(
    '|',
  )
export const COMMUNES =
  'An Bình|Tân Phú|Hòa Lợi|Phú Mỹ|Thạnh Xuân|Đông Hòa|Tân Định|Bình An|Long Hải|Vĩnh Phúc|Hòa Bình|Quang Trung|Thanh Xuân|Minh Khai|Tân Lập|Phước Long'.split(
    '|',
  )

// Foreign residents by nationality, with a few names each (family name first as on most passports).
export const FOREIGN_NATIONALITIES = weighted<string>([
  ['KR', 25],
  ['CN', 22],
  ['JP', 10],
  ['TW', 9],
  ['US', 6],
  ['FR', 4],
  ['AU', 3],
  ['GB', 3],
  ['DE', 3],
  ['TH', 3],
  ['PH', 3],
  ['IN', 3],
  ['RU', 2],
])
export const FOREIGN_NAMES: Record<
  string,
  { family: string[]; male: string[]; female: string[]; order: 'family-first' | 'given-first' }
> = {
  KR: {
    family: ['Kim', 'Lee', 'Park', 'Choi', 'Jung'],
    male: ['Min Jun', 'Ji Ho', 'Seo Jun'],
    female: ['Seo Yeon', 'Ha Eun', 'Ji Woo'],
    order: 'family-first',
  },
  CN: {
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen'],
    male: ['Wei', 'Lei', 'Jun'],
    female: ['Fang', 'Jing', 'Min'],
    order: 'family-first',
  },
  JP: {
    family: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka'],
    male: ['Haruto', 'Sota', 'Ren'],
    female: ['Yui', 'Hina', 'Aoi'],
    order: 'family-first',
  },
  western: {
    family: ['Smith', 'Johnson', 'Martin', 'Müller', 'Brown', 'Wilson'],
    male: ['James', 'Lucas', 'Thomas'],
    female: ['Emma', 'Sophie', 'Olivia'],
    order: 'given-first',
  },
  south: {
    family: ['Santos', 'Reyes', 'Sharma', 'Patel', 'Somchai'],
    male: ['Anan', 'Rahul', 'Jose'],
    female: ['Suda', 'Priya', 'Maria'],
    order: 'given-first',
  },
}
export const nameGroupOf = (nationality: string): string =>
  nationality === 'KR'
    ? 'KR'
    : nationality === 'CN' || nationality === 'TW'
      ? 'CN'
      : nationality === 'JP'
        ? 'JP'
        : ['TH', 'PH', 'IN'].includes(nationality)
          ? 'south'
          : 'western'
