// the platform's one transaction helper (@qts/migrations); identity modules import it from here
export { inTransaction } from '@qts/migrations';
