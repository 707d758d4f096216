/** Digits of a string, spaces and separators dropped. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** The Luhn check a Social Insurance Number passes (9 digits). */
export function isValidSin(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(digits[i]);
    // Every second digit, from the second, is doubled; a two-digit result counts as the sum of its digits.
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

// BC Personal Health Number: 10 digits, the first 9, the last a mod-11 check over digits 2 to 9.
const PHN_WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3];

/** True for a BC Personal Health Number whose check digit is right. */
export function isValidPhn(digits: string): boolean {
  if (!/^9\d{9}$/.test(digits)) return false;
  const sum = PHN_WEIGHTS.reduce((total, weight, i) => total + ((Number(digits[i + 1]) * weight) % 11), 0);
  const check = 11 - (sum % 11);
  return check < 10 && check === Number(digits[9]);
}
