metadata description = 'The user-assigned managed identity the web app runs as: its only right is to read the Key Vault secrets (granted in keyvault.bicep).'

@description('Name of the managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id, for the web app\'s identity and Key Vault references.')
output resourceId string = identity.id

@description('Client id, for code that asks for this identity by id.')
output clientId string = identity.properties.clientId

@description('Object id, for role assignments.')
output principalId string = identity.properties.principalId
