// Province codes of the personal ID number: Circular 07/2016/TT-BCA, equal to the GSO codes of the
// 63 pre-July-2025 provinces. Numbers issued before the 2025 merger keep these codes.
export type Province = { code: string; nameVi: string; nameEn: string; nameAscii: string }

const asciiOf = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')

const TABLE: ReadonlyArray<readonly [code: string, nameVi: string, nameEn?: string]> = [
  ['001', 'Hà Nội', 'Hanoi'],
  ['002', 'Hà Giang'],
  ['004', 'Cao Bằng'],
  ['006', 'Bắc Kạn'],
  ['008', 'Tuyên Quang'],
  ['010', 'Lào Cai'],
  ['011', 'Điện Biên'],
  ['012', 'Lai Châu'],
  ['014', 'Sơn La'],
  ['015', 'Yên Bái'],
  ['017', 'Hoà Bình'],
  ['019', 'Thái Nguyên'],
  ['020', 'Lạng Sơn'],
  ['022', 'Quảng Ninh'],
  ['024', 'Bắc Giang'],
  ['025', 'Phú Thọ'],
  ['026', 'Vĩnh Phúc'],
  ['027', 'Bắc Ninh'],
  ['030', 'Hải Dương'],
  ['031', 'Hải Phòng'],
  ['033', 'Hưng Yên'],
  ['034', 'Thái Bình'],
  ['035', 'Hà Nam'],
  ['036', 'Nam Định'],
  ['037', 'Ninh Bình'],
  ['038', 'Thanh Hóa'],
  ['040', 'Nghệ An'],
  ['042', 'Hà Tĩnh'],
  ['044', 'Quảng Bình'],
  ['045', 'Quảng Trị'],
  ['046', 'Thừa Thiên Huế'],
  ['048', 'Đà Nẵng'],
  ['049', 'Quảng Nam'],
  ['051', 'Quảng Ngãi'],
  ['052', 'Bình Định'],
  ['054', 'Phú Yên'],
  ['056', 'Khánh Hòa'],
  ['058', 'Ninh Thuận'],
  ['060', 'Bình Thuận'],
  ['062', 'Kon Tum'],
  ['064', 'Gia Lai'],
  ['066', 'Đắk Lắk'],
  ['067', 'Đắk Nông'],
  ['068', 'Lâm Đồng'],
  ['070', 'Bình Phước'],
  ['072', 'Tây Ninh'],
  ['074', 'Bình Dương'],
  ['075', 'Đồng Nai'],
  ['077', 'Bà Rịa - Vũng Tàu'],
  ['079', 'TP. Hồ Chí Minh', 'Ho Chi Minh City'],
  ['080', 'Long An'],
  ['082', 'Tiền Giang'],
  ['083', 'Bến Tre'],
  ['084', 'Trà Vinh'],
  ['086', 'Vĩnh Long'],
  ['087', 'Đồng Tháp'],
  ['089', 'An Giang'],
  ['091', 'Kiên Giang'],
  ['092', 'Cần Thơ'],
  ['093', 'Hậu Giang'],
  ['094', 'Sóc Trăng'],
  ['095', 'Bạc Liêu'],
  ['096', 'Cà Mau'],
]

export const PROVINCES: readonly Province[] = Object.freeze(
  TABLE.map(([code, nameVi, nameEn]) =>
    Object.freeze({ code, nameVi, nameEn: nameEn ?? asciiOf(nameVi), nameAscii: asciiOf(nameVi) }),
  ),
)

const BY_CODE: ReadonlyMap<string, Province> = new Map(PROVINCES.map((p) => [p.code, p]))

export const provinceByCode = (code: string): Province | undefined => BY_CODE.get(code)
