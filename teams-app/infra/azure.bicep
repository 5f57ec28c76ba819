// Kvalitetshåndbog in Azure: one Flex Consumption function app (Node 22) that serves the API,
// the bot endpoint and the daily sweep, with its storage, monitoring, secrets and the Azure Bot
// registration with the Teams channel. Deployed by `arm/deploy` in ../m365agents.yml; parameter
// values come from ../env/.env.<environment> through ./azure.parameters.json.
//
// References (checked when this file was written):
//   Flex Consumption in Bicep: https://learn.microsoft.com/azure/azure-functions/functions-infrastructure-as-code
//     and the quickstart template function-app-flex-managed-identities
//     (https://learn.microsoft.com/samples/azure/azure-quickstart-templates/function-app-flex-managed-identities)
//   Host storage through an identity (AzureWebJobsStorage__*):
//     https://learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity
//   Key Vault references in app settings: https://learn.microsoft.com/azure/app-service/app-service-key-vault-references
//   Azure Bot resource: https://learn.microsoft.com/azure/templates/microsoft.botservice/botservices
//   New bots are single-tenant (multi-tenant creation ended 31 July 2025):
//     https://learn.microsoft.com/azure/bot-service/abs-quickstart

@description('Short lower-case name the resource names start with, e.g. kh-dev.')
@minLength(3)
@maxLength(20)
param resourceBaseName string

@description('Region of every regional resource; must offer the Flex Consumption plan.')
param location string = resourceGroup().location

@description('Client id of the bot\'s Entra app registration (botAadApp/create writes BOT_ID).')
param botClientId string

@secure()
@description('Client secret of the bot\'s Entra app; stored in Key Vault, read by the app through a reference.')
param botClientSecret string

@description('Display name of the Azure Bot.')
param botDisplayName string = 'Kvalitetshåndbog'

@description('Client id of the API/tab Entra app registration that exposes access_as_user (ENTRA_CLIENT_ID).')
param entraClientId string

@secure()
@description('Client secret of the API/tab Entra app, for Microsoft Graph: every call is app-only (client credentials, Sites.Selected with write on the one site), for tab requests, the bot and the daily sweep alike; stored in Key Vault.')
param entraClientSecret string

@description('Tenants whose people may sign in, comma-separated GUIDs. Default: this subscription\'s tenant.')
param entraTenantIds string = tenant().tenantId

@description('The SharePoint site that holds the handbook, e.g. https://contoso.sharepoint.com/sites/kvalitet.')
param sharePointSiteUrl string

@description('The Teams app id (teamsApp/create writes TEAMS_APP_ID); card links then open the tab inside Teams.')
param teamsAppId string = ''

@description('Shown in the tab and in generated documents.')
param organisationName string = 'Kommune'

@description('The calendar review dates are counted in (an IANA time zone).')
param timeZone string = 'Europe/Copenhagen'

@description('Upper limit of instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance.')
@allowed([2048, 4096])
param instanceMemoryMB int = 2048

var token = toLower(uniqueString(resourceGroup().id, resourceBaseName))
var functionAppName = '${resourceBaseName}-func-${take(token, 6)}'
var storageAccountName = 'st${token}'
var keyVaultName = 'kv${token}'
var deploymentContainerName = 'app-package'

// Built-in role definitions (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-log'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-appi'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

// The identity the app uses for its own storage, Application Insights and Key Vault: no keys.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }

  resource blobServices 'blobServices' = {
    name: 'default'

    // Flex Consumption keeps the deployed package here.
    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }
}

resource storageBlobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource storageQueueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource storageTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource monitoringMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'bot-client-secret'
  properties: {
    value: botClientSecret
  }
}

resource entraSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'entra-client-secret'
  properties: {
    value: entraClientSecret
  }
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, roles.keyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity, not a system-assigned one.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
  }

  // Flex Consumption takes the runtime from functionAppConfig: FUNCTIONS_WORKER_RUNTIME,
  // FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE are not set here on purpose.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      AzureWebJobsStorage__accountName: storage.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
      // @azure/identity's DefaultAzureCredential / ManagedIdentityCredential pick this identity.
      AZURE_CLIENT_ID: identity.properties.clientId

      // The product's configuration (functions/src/config.ts).
      APP_MODE: 'production'
      STORE: 'sharepoint'
      SEED_DEMO: 'false'
      // Instance-local scratch space only: Flex Consumption instances share no disk, so nothing
      // durable may live here.
      DATA_DIR: '/tmp/kvalitetshaandbog'
      TIME_ZONE: timeZone
      ORGANISATION_NAME: organisationName
      PUBLIC_URL: 'https://${functionApp.properties.defaultHostName}'
      TEAMS_APP_ID: teamsAppId
      ENTRA_CLIENT_ID: entraClientId
      ENTRA_APP_ID_URI: 'api://${functionApp.properties.defaultHostName}/${entraClientId}'
      ENTRA_TENANT_IDS: entraTenantIds
      // The app's own Graph credential (app-only); no user token is ever exchanged for a Graph token.
      ENTRA_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${entraSecret.properties.secretUri})'
      BOT_CLIENT_ID: botClientId
      BOT_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${botSecret.properties.secretUri})'
      BOT_TENANT_ID: tenant().tenantId
      SHAREPOINT_SITE_URL: sharePointSiteUrl
    }
    dependsOn: [
      storageBlobDataOwner
      storageQueueDataContributor
      storageTableDataContributor
      monitoringMetricsPublisher
      keyVaultSecretsUser
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot-${take(token, 6)}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${functionApp.properties.defaultHostName}/api/messages'
    msaAppId: botClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenant().tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// arm/deploy writes each output to the environment file in upper case
// (https://aka.ms/teamsfx-actions/arm-deploy): FUNCTION_APP_RESOURCE_ID, TAB_DOMAIN, ...
output FUNCTION_APP_RESOURCE_ID string = functionApp.id
output FUNCTION_APP_NAME string = functionApp.name
output TAB_DOMAIN string = functionApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${functionApp.properties.defaultHostName}'
output BOT_ENDPOINT string = 'https://${functionApp.properties.defaultHostName}'
output BOT_SERVICE_NAME string = bot.name
output KEY_VAULT_NAME string = keyVault.name
